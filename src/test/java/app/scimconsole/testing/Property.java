package app.scimconsole.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test runner on plain JUnit: draws {@code tries} samples from a generator and checks
 * each. A failure names the seed and the sample, so {@code -Dproperty.seed=N} replays it exactly.
 */
public final class Property {
    private static final int DEFAULT_TRIES = 1000;

    private Property() {
    }

    public static <T> void forAll(Function<Random, T> generator, Consumer<T> check) {
        forAll(DEFAULT_TRIES, generator, check);
    }

    public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> check) {
        String fixed = System.getProperty("property.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T sample = generator.apply(random);
            try {
                check.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Property failed on try " + (i + 1) + " of " + tries + " (replay with -Dproperty.seed="
                        + seed + ") for sample: " + describe(sample) + "\n" + e, e);
            }
        }
    }

    private static String describe(Object sample) {
        String s = String.valueOf(sample);
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
