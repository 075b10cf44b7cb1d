package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatNeedsIt() throws Exception {
        StringWriter out = new StringWriter();
        CsvWriter.write(out, List.of("Time", "Detail"), List.of(
                List.of("09:00", "plain"),
                List.of("09:01", "a, b"),
                List.of("09:02", "said \"no\""),
                List.of("09:03", "two\nlines"),
                List.of("", " padded ")));
        assertThat(out.toString()).isEqualTo("Time,Detail\r\n09:00,plain\r\n09:01,\"a, b\"\r\n"
                + "09:02,\"said \"\"no\"\"\"\r\n09:03,\"two\nlines\"\r\n,\" padded \"\r\n");
    }

    @Test
    void formulasAreDefused() {
        assertThat(CsvWriter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.field("-5")).isEqualTo("'-5");
        assertThat(CsvWriter.field("日本語")).isEqualTo("日本語");
        assertThat(CsvWriter.field(null)).isEmpty();
    }
}
