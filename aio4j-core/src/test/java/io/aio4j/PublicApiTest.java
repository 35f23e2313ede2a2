package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Snapshots the public API of {@code io.aio4j} (kotlinx's and OkHttp's {@code api/} dumps), so it
 * never changes by accident. After an intended change, regenerate the dump with
 * {@code -Daio4j.updateApi=true} and review the diff.
 */
class PublicApiTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(Aio.class, AsyncCallable.class, AsyncRunnable.class,
            BlockedLoopException.class, CancelledError.class, EventLoop.class, EventLoop.SchedulingMode.class,
            ExceptionContext.class, ExceptionHandler.class, Future.class, Handle.class, InvalidStateException.class,
            LoopClosedException.class, LoopOptions.class, Task.class, TimerHandle.class);

    @Test
    void publicApiMatchesTheCheckedInDump() throws IOException {
        Path dump = Path.of("api", "aio4j-core.api");
        String actual = String.join("\n", describe()) + "\n";
        if (Boolean.getBoolean("aio4j.updateApi")) {
            Files.writeString(dump, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(dump));
    }

    @Test
    void everyPublicTypeOfThePackageIsListed() throws IOException {
        Path src = Path.of("src", "main", "java", "io", "aio4j");
        try (Stream<Path> files = Files.list(src)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            List<String> listed = PUBLIC_TYPES.stream().filter(c -> c.getEnclosingClass() == null)
                    .map(Class::getSimpleName).sorted().toList();
            assertThat(listed).isEqualTo(names);
        }
    }

    private static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Class<?> c : PUBLIC_TYPES) {
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
