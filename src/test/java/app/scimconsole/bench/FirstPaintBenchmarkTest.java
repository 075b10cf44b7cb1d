package app.scimconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirstPaintBenchmarkTest {
    @Test
    void minMedianAndMaxOfTheRuns() {
        assertThat(FirstPaintBenchmark.Stats.of(List.of(900L, 700L, 1500L, 800L, 750L)))
                .isEqualTo(new FirstPaintBenchmark.Stats(700, 800, 1500));
        assertThat(FirstPaintBenchmark.Stats.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(new FirstPaintBenchmark.Stats(1, 3, 4));
        assertThat(FirstPaintBenchmark.Stats.of(List.of(5L))).isEqualTo(new FirstPaintBenchmark.Stats(5, 5, 5));
        assertThatThrownBy(() -> FirstPaintBenchmark.Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksOfTheProcStatLine() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 123 45 0 0 20 0 30 0 99 1 1";
        assertThat(FirstPaintBenchmark.cpuMillisOf(stat)).isEqualTo((123 + 45) * 10);
    }
}
