package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupTraceTest {
    @Test
    void aMarkerLineIsReadBackWithItsEventAndTime() {
        String line = StartupTrace.line(StartupTrace.FIRST_FRAME, 1_733_525_123_456L);

        assertThat(StartupTrace.parse(line))
                .contains(new StartupTrace.Marker(StartupTrace.FIRST_FRAME, 1_733_525_123_456L));
        assertThat(StartupTrace.parse("[main] INFO x - " + StartupTrace.line(StartupTrace.SERVICE_READY, 42)))
                .as("after a log prefix").contains(new StartupTrace.Marker(StartupTrace.SERVICE_READY, 42));
        assertThat(StartupTrace.parse(StartupTrace.line(StartupTrace.FIRST_SCREEN, 7)))
                .as("the page after the first frame").contains(new StartupTrace.Marker(StartupTrace.FIRST_SCREEN, 7));
    }

    @Test
    void anyOtherLineIsNoMarker() {
        assertThat(StartupTrace.parse(null)).isEmpty();
        assertThat(StartupTrace.parse("")).isEmpty();
        assertThat(StartupTrace.parse("WARNING: Unsupported JavaFX configuration")).isEmpty();
        assertThat(StartupTrace.parse("scim-console startup: first-frame")).as("no time").isEmpty();
        assertThat(StartupTrace.parse("scim-console startup: first-frame at=soon")).as("no number").isEmpty();
        assertThat(StartupTrace.parse("scim-console startup: first-frame at=-5")).as("negative").isEmpty();
        assertThat(StartupTrace.parse("scim-console startup: first-frame at=5 extra")).as("more words").isEmpty();
    }
}
