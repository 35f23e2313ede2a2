package io.aio4j.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The header fields of an HTTP message: an immutable multimap whose names compare without regard to
 * ASCII case and whose fields keep the order they arrived in. It is aiohttp's {@code CIMultiDictProxy}
 * (and OkHttp's {@code Headers}): {@link #get} gives the first value of a name, {@link #getAll} all of
 * them, and iteration gives every field, duplicates included, in order.
 *
 * <p>Names keep the spelling they were given; lookups ignore case ({@code get("content-type")} finds
 * {@code Content-Type}). Values are the field's bytes decoded as ISO-8859-1, as the JDK's
 * {@code HttpClient} does, so every byte maps to exactly one {@code char} and back; a parser strips
 * the whitespace around a value. Instances are made by {@link #builder()} or {@link #of}; they are
 * not validated here: the serializer refuses names and values that could not be sent safely.
 *
 * <p>{@link #toString()} hides the values of {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie} and {@code Set-Cookie}, so headers can be logged.
 */
public final class Headers implements Iterable<Map.Entry<String, String>> {
    private static final Headers EMPTY = new Headers(new String[0]);
    private static final Set<String> REDACTED =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    /** name0, value0, name1, value1, ...; never modified after construction. */
    private final String[] namesAndValues;

    private Headers(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /**
     * Returns headers holding the given fields, in order.
     *
     * @param namesAndValues name, value, name, value, ...
     * @return the headers
     * @throws IllegalArgumentException if the count is odd
     * @throws NullPointerException if a name or value is null
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name, value pairs; got an odd count");
        }
        if (namesAndValues.length == 0) {
            return EMPTY;
        }
        String[] copy = namesAndValues.clone();
        for (String s : copy) {
            Objects.requireNonNull(s, "header name or value");
        }
        return new Headers(copy);
    }

    /**
     * Returns a new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts with these fields, to derive changed headers.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.namesAndValues.addAll(Arrays.asList(namesAndValues));
        return b;
    }

    /**
     * Returns the value of the first field with this name, like {@code CIMultiDict.get}.
     *
     * @param name the field name, in any case
     * @return the value, or {@code null} when no field has this name
     */
    public String get(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    /**
     * Returns the value of the first field with this name, or a default.
     *
     * @param name the field name, in any case
     * @param defaultValue what to return when no field has this name
     * @return the value, or {@code defaultValue}
     */
    public String get(String name, String defaultValue) {
        String value = get(name);
        return value == null ? defaultValue : value;
    }

    /**
     * Returns the values of every field with this name, in order, like {@code CIMultiDict.getall}.
     *
     * @param name the field name, in any case
     * @return an unmodifiable list; empty when no field has this name
     */
    public List<String> getAll(String name) {
        List<String> values = null;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(namesAndValues[i + 1]);
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /**
     * Says whether a field has this name.
     *
     * @param name the field name, in any case
     * @return {@code true} if at least one field has it
     */
    public boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Returns the distinct names, in the order they first appear, each spelled as it first appeared.
     * The set's own {@code contains} is case-sensitive; use {@link #contains(String)} to ask about a
     * name.
     *
     * @return an unmodifiable set
     */
    public Set<String> names() {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            byLowerCase.putIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i]);
        }
        return Collections.unmodifiableSequencedSet(new LinkedHashSet<>(byLowerCase.values()));
    }

    /**
     * Returns the number of fields, duplicates included.
     *
     * @return the count
     */
    public int size() {
        return namesAndValues.length / 2;
    }

    /**
     * Says whether there are no fields.
     *
     * @return {@code true} if {@link #size()} is zero
     */
    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    /**
     * Returns the name of the field at this position.
     *
     * @param index from 0 to {@code size() - 1}, in arrival order
     * @return the name as spelled
     * @throws IndexOutOfBoundsException if there is no such field
     */
    public String name(int index) {
        return namesAndValues[Objects.checkIndex(index, size()) * 2];
    }

    /**
     * Returns the value of the field at this position.
     *
     * @param index from 0 to {@code size() - 1}, in arrival order
     * @return the value
     * @throws IndexOutOfBoundsException if there is no such field
     */
    public String value(int index) {
        return namesAndValues[Objects.checkIndex(index, size()) * 2 + 1];
    }

    /**
     * Iterates over every field, duplicates included, in arrival order.
     *
     * @return an iterator of immutable name-value entries
     */
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < namesAndValues.length;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                next += 2;
                return Map.entry(namesAndValues[next - 2], namesAndValues[next - 1]);
            }
        };
    }

    /**
     * Says whether the other object holds the same fields in the same order, names compared without
     * regard to case and values exactly.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.namesAndValues.length != namesAndValues.length) {
            return false;
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!namesAndValues[i].equalsIgnoreCase(other.namesAndValues[i])
                    || !namesAndValues[i + 1].equals(other.namesAndValues[i + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h = 31 * h + namesAndValues[i].toLowerCase(Locale.ROOT).hashCode();
            h = 31 * h + namesAndValues[i + 1].hashCode();
        }
        return h;
    }

    /** Returns the fields as {@code <Headers(Name: value, ...)>}, credentials hidden. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<Headers(");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                s.append(", ");
            }
            String name = namesAndValues[i];
            s.append(name).append(": ").append(
                    REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : namesAndValues[i + 1]);
        }
        return s.append(")>").toString();
    }

    /**
     * Collects fields for a {@link Headers}: aiohttp's {@code CIMultiDict}, the mutable form. Not
     * thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final List<String> namesAndValues = new ArrayList<>(20);

        private Builder() {
        }

        /**
         * Appends a field, after any with the same name.
         *
         * @param name the field name
         * @param value the field value
         * @return this builder
         */
        public Builder add(String name, String value) {
            namesAndValues.add(Objects.requireNonNull(name, "name"));
            namesAndValues.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Appends every field of other headers, in order.
         *
         * @param headers the fields to append
         * @return this builder
         */
        public Builder addAll(Headers headers) {
            namesAndValues.addAll(Arrays.asList(headers.namesAndValues));
            return this;
        }

        /**
         * Replaces every field with this name by one field, at the place of the first one (or at the
         * end if there was none), like assigning {@code d[name] = value} to a {@code CIMultiDict}.
         *
         * @param name the field name
         * @param value the only value it will have
         * @return this builder
         */
        public Builder set(String name, String value) {
            Objects.requireNonNull(value, "value");
            int first = -1;
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                    if (first < 0) {
                        first = i;
                        namesAndValues.set(i, name);
                        namesAndValues.set(i + 1, value);
                    } else {
                        namesAndValues.subList(i, i + 2).clear();
                        i -= 2;
                    }
                }
            }
            return first < 0 ? add(name, value) : this;
        }

        /**
         * Removes every field with this name.
         *
         * @param name the field name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                    namesAndValues.subList(i, i + 2).clear();
                    i -= 2;
                }
            }
            return this;
        }

        /**
         * Returns the value of the first field with this name, as {@link Headers#get} would.
         *
         * @param name the field name, in any case
         * @return the value, or {@code null}
         */
        public String get(String name) {
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                    return namesAndValues.get(i + 1);
                }
            }
            return null;
        }

        /**
         * Returns the number of fields added so far.
         *
         * @return the count, duplicates included
         */
        public int size() {
            return namesAndValues.size() / 2;
        }

        /**
         * Returns immutable headers holding the fields added so far.
         *
         * @return the headers
         */
        public Headers build() {
            return namesAndValues.isEmpty() ? EMPTY : new Headers(namesAndValues.toArray(new String[0]));
        }
    }
}
