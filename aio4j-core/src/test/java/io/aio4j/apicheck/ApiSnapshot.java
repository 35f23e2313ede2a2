package io.aio4j.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public API snapshot of a module (kotlinx's and OkHttp's {@code api/} dumps), for the
 * {@code PublicApiTest} of every module: it lists the public types of every package
 * {@code module-info.java} exports to everyone, found from the sources, so a new public type lands
 * in the dump by itself. Run from a module's directory (surefire's working directory). After an
 * intended change, regenerate the dump with {@code -Daio4j.updateApi=true} and review the diff.
 * aio4j-core publishes it in its test jar for the other modules.
 */
public final class ApiSnapshot {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern UNQUALIFIED_EXPORT = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");

    private ApiSnapshot() {
    }

    /**
     * Checks the module's public API against its dump, or rewrites the dump with
     * {@code -Daio4j.updateApi=true}.
     *
     * @param dumpName the dump's file name in {@code api/}, e.g. {@code aio4j-core.api}
     * @throws IOException if a file cannot be read or written
     * @throws ClassNotFoundException if a source file has no class
     */
    public static void check(String dumpName) throws IOException, ClassNotFoundException {
        Path dump = Path.of("api", dumpName);
        String actual = String.join("\n", describe(publicTypes())) + "\n";
        if (Boolean.getBoolean("aio4j.updateApi")) {
            Files.writeString(dump, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(dump));
    }

    /**
     * Returns the packages {@code module-info.java} exports to everyone.
     *
     * @return the package names, in the file's order
     * @throws IOException if the file cannot be read
     */
    public static List<String> exportedPackages() throws IOException {
        Matcher m = UNQUALIFIED_EXPORT.matcher(Files.readString(SOURCES.resolve("module-info.java")));
        List<String> packages = new ArrayList<>();
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : exportedPackages()) {
            List<String> names;
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
                names = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            }
            for (String name : names) {
                Class<?> c = Class.forName(pkg + "." + name);
                if (Modifier.isPublic(c.getModifiers())) {
                    addWithNested(c, types);
                }
            }
        }
        return types;
    }

    private static void addWithNested(Class<?> c, List<Class<?>> types) {
        types.add(c);
        Arrays.stream(c.getDeclaredClasses()).filter(n -> Modifier.isPublic(n.getModifiers()))
                .sorted(Comparator.comparing(Class::getName)).forEach(n -> addWithNested(n, types));
    }

    private static List<String> describe(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        for (Class<?> c : types) {
            lines.add(Modifier.toString(c.getModifiers() & ~Modifier.INTERFACE & ~Modifier.ABSTRACT) + " "
                    + (c.isInterface() ? "interface " : c.isRecord() ? "record " : c.isEnum() ? "enum " : "class ")
                    + c.getName() + supertypes(c));
            List<String> members = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    members.add("  " + (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getGenericReturnType().getTypeName()
                            + " " + m.getName() + "(" + String.join(", ",
                                    Arrays.stream(m.getGenericParameterTypes()).map(t -> t.getTypeName()).toList()) + ")");
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    members.add("  field " + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            members.sort(null);
            lines.addAll(members);
        }
        return lines;
    }

    private static String supertypes(Class<?> c) {
        List<String> s = new ArrayList<>();
        if (c.getSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum() && !c.isRecord()) {
            s.add(c.getSuperclass().getName());
        }
        for (var i : c.getGenericInterfaces()) {
            s.add(i.getTypeName());
        }
        return s.isEmpty() ? "" : " : " + String.join(", ", s);
    }
}
