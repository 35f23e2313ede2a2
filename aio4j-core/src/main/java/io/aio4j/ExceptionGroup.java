package io.aio4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several exceptions raised together: Python's {@code ExceptionGroup}, thrown by a
 * {@link TaskGroup} whose children or body failed. It holds only {@link Exception}s, never a
 * {@link CancelledError} (a cancelled child is not a failure) and never another {@link Error}
 * (those propagate as themselves; see {@link TaskGroup}). A failing group nested in another
 * group's body appears as an {@code ExceptionGroup} inside the outer one.
 *
 * <p>The exceptions are kept as they were thrown: a checked exception is not wrapped. They are
 * also attached as {@linkplain #getSuppressed() suppressed}, so a printed stack trace or a logger
 * shows each of them with its own trace (JUnit's {@code MultipleFailuresError} does the same).
 *
 * {@snippet :
 * void downloadBoth(URI a, URI b) throws IOException {
 *     try {
 *         TaskGroup.run(group -> {
 *             group.createTask(() -> download(a));   // throws IOException
 *             group.createTask(() -> download(b));
 *         });
 *     } catch (ExceptionGroup failures) {
 *         if (failures.contains(HttpTimeoutException.class)) { // however deep it is nested
 *             log("timed out");
 *         }
 *         // One failure, the usual case: throw it as itself; several: throw the group.
 *         throw failures.rethrowIfOnly(IOException.class);
 *     }
 * }
 * }
 *
 * <h2>Pitfalls</h2>
 * {@code catch (IOException e)} around a task group catches nothing: the group throws an
 * {@code ExceptionGroup} even for a single failure (as asyncio does), since a caller cannot know
 * how many children failed. Use {@link #rethrowIfOnly(Class)} or {@link #first(Class)}.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String groupMessage;
    private final List<Exception> exceptions;

    /**
     * Creates a group.
     *
     * @param message what the exceptions have in common, e.g. {@code "unhandled errors in a
     *     TaskGroup"}; {@link #getMessage()} adds their number
     * @param exceptions the exceptions, at least one, in order
     * @throws IllegalArgumentException if {@code exceptions} is empty
     * @throws NullPointerException if an exception is {@code null}
     */
    public ExceptionGroup(String message, List<? extends Exception> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        this.groupMessage = message;
        this.exceptions = List.copyOf(exceptions);
        for (Exception e : this.exceptions) {
            addSuppressed(e);
        }
    }

    /**
     * Returns the message given at creation, without the count that {@link #getMessage()} adds:
     * Python's {@code ExceptionGroup.message}.
     *
     * @return the message
     */
    public String groupMessage() {
        return groupMessage;
    }

    /**
     * Returns the exceptions of this group, in order, nested groups as they are: Python's
     * {@code exceptions}.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Exception> exceptions() {
        return exceptions;
    }

    /**
     * Returns the exceptions of this group and of the groups nested in it, flattened, depth
     * first: the exceptions that are not groups.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Exception> leaves() {
        List<Exception> out = new ArrayList<>();
        collect(this, out);
        return List.copyOf(out);
    }

    private static void collect(ExceptionGroup g, List<Exception> out) {
        for (Exception e : g.exceptions) {
            if (e instanceof ExceptionGroup inner) {
                collect(inner, out);
            } else {
                out.add(e);
            }
        }
    }

    /**
     * Returns the only exception of this group, looking through nested groups, if there is
     * exactly one.
     *
     * @return the only leaf, or empty if there are several
     */
    public Optional<Exception> only() {
        List<Exception> leaves = leaves();
        return leaves.size() == 1 ? Optional.of(leaves.get(0)) : Optional.empty();
    }

    /**
     * Throws the only exception of this group (see {@link #only()}) if it is unchecked; otherwise
     * returns this group, to be thrown. Meant for {@code throw group.rethrowIfOnly();}.
     *
     * @return this group, if it holds several exceptions or a checked one
     * @throws RuntimeException the only exception, as it was
     */
    public ExceptionGroup rethrowIfOnly() {
        if (only().orElse(null) instanceof RuntimeException re) {
            throw re;
        }
        return this;
    }

    /**
     * Throws the only exception of this group (see {@link #only()}) if it is unchecked or a
     * {@code type}; otherwise returns this group, to be thrown. Meant for
     * {@code throw group.rethrowIfOnly(IOException.class);} in a method that declares
     * {@code throws IOException}.
     *
     * @param type the checked exception type the caller may throw
     * @param <E> that type
     * @return this group, if it holds several exceptions or one of another checked type
     * @throws E the only exception, if it is one
     */
    public <E extends Exception> ExceptionGroup rethrowIfOnly(Class<E> type) throws E {
        Exception only = only().orElse(null);
        if (type.isInstance(only)) {
            throw type.cast(only);
        }
        return rethrowIfOnly();
    }

    /**
     * Returns the first exception of a type in this group or the groups nested in it, depth
     * first: the usual way to ask "did any child time out?".
     *
     * @param type the type
     * @param <E> that type
     * @return the first such exception, or empty
     */
    public <E extends Throwable> Optional<E> first(Class<E> type) {
        for (Exception e : leaves()) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns every exception of a type in this group or the groups nested in it, depth first.
     *
     * @param type the type
     * @param <E> that type
     * @return an unmodifiable list, possibly empty
     */
    public <E extends Throwable> List<E> all(Class<E> type) {
        return leaves().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Tells whether this group or a group nested in it holds an exception of a type.
     *
     * @param type the type
     * @return {@code true} if {@link #first(Class)} finds one
     */
    public boolean contains(Class<? extends Throwable> type) {
        return first(type).isPresent();
    }
}
