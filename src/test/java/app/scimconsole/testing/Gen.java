package app.scimconsole.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/** Generators for {@link Property}: each is a function of the random source. */
public final class Gen {
    private Gen() {
    }

    @SafeVarargs
    public static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    public static <T> T oneOf(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Picks one of the suppliers, weighted: {@code weights[i]} for {@code choices[i]}. */
    @SafeVarargs
    public static <T> T weighted(Random r, int[] weights, Supplier<T>... choices) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < choices.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return choices[i].get();
            }
        }
        throw new IllegalArgumentException("weights and choices differ in length");
    }

    public static <T> T orNull(Random r, double nullChance, Supplier<T> value) {
        return r.nextDouble() < nullChance ? null : value.get();
    }

    public static <T> List<T> listOf(Random r, int maxSize, Function<Random, T> element) {
        int n = r.nextInt(maxSize + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(r));
        }
        return out;
    }

    /** A string of up to {@code maxLength} characters drawn from {@code alphabet}. */
    public static String string(Random r, String alphabet, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Any string: ASCII, control characters, BMP letters, surrogate pairs and lone surrogates. */
    public static String anyString(Random r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x20));
                case 1, 2 -> b.append((char) (0x20 + r.nextInt(0x5f)));
                case 3 -> b.append((char) (0xa0 + r.nextInt(0x3000)));
                case 4 -> b.appendCodePoint(0x1f600 + r.nextInt(0x50));
                default -> b.append((char) r.nextInt(0x10000));
            }
        }
        return b.toString();
    }
}
