package io.aio4j.http;

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
import org.junit.jupiter.api.Test;

/**
 * Snapshots the public API of every package {@code module-info.java} exports to everyone (kotlinx's
 * and OkHttp's {@code api/} dumps), so it never changes by accident. The types are found from the
 * sources, so a new public type lands in the dump by itself. After an intended change, regenerate the
 * dump with {@code -Daio4j.updateApi=true} and review the diff.
 */
class PublicApiTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern UNQUALIFIED_EXPORT = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");

    @Test
    void publicApiMatchesTheCheckedInDump() throws IOException, ClassNotFoundException {
        Path dump = Path.of("api", "aio4j-http.api");
        String actual = String.join("\n", describe(publicTypes())) + "\n";
        if (Boolean.getBoolean("aio4j.updateApi")) {
            Files.writeString(dump, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(dump));
    }

    @Test
    void onlyPublicPackagesAreExportedToEveryone() throws IOException {
        assertThat(exportedPackages()).allSatisfy(p -> assertThat(p).doesNotContain("internal"))
                .containsExactly("io.aio4j.http", "io.aio4j.http.web");
    }

    private static List<String> exportedPackages() throws IOException {
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
