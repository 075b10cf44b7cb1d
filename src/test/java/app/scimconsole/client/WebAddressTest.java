package app.scimconsole.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses the console builds: a segment or a parameter can never change the path or the query around it. */
class WebAddressTest {
    @Test
    void onlyAbsoluteHttpAddressesWithAHostAreAddresses() {
        for (String bad : new String[] {null, "", "not a url", "ftp://example.com/", "/scim/v2", "https://", "mailto:a@b"}) {
            assertThat(WebAddress.parse(bad)).as(String.valueOf(bad)).isNull();
        }
        assertThat(WebAddress.parse("  HTTPS://scim.example.com/scim/v2  ")).hasToString("https://scim.example.com/scim/v2");
    }

    @Test
    void theDefaultPortIsTheSchemes() {
        assertThat(WebAddress.parse("https://scim.example.com/x").port()).isEqualTo(443);
        assertThat(WebAddress.parse("http://scim.example.com/x").port()).isEqualTo(80);
        assertThat(WebAddress.parse("http://127.0.0.1:8089/admin/v1").port()).isEqualTo(8089);
        assertThat(WebAddress.parse("http://127.0.0.1:8089/admin/v1").host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSegmentTakesThePlaceOfAnEmptyLastOne() {
        assertThat(WebAddress.parse("https://x.example/scim/v2/").path("Users")).hasToString("https://x.example/scim/v2/Users");
        assertThat(WebAddress.parse("https://x.example/scim/v2").path("Users")).hasToString("https://x.example/scim/v2/Users");
        assertThat(WebAddress.parse("http://127.0.0.1:8089").path("overview")).hasToString("http://127.0.0.1:8089/overview");
    }

    @Test
    void segmentsAndParametersArePercentEncoded() {
        WebAddress u = WebAddress.parse("https://x.example/admin/v1").path("domains", "a/b c?#", "例え.jp")
                .query("search", "eq \"x\" & y=1+2").query("empty", " ").query("none", null).query("count", "50");
        assertThat(u).hasToString("https://x.example/admin/v1/domains/a%2Fb%20c%3F%23/%E4%BE%8B%E3%81%88.jp"
                + "?search=eq%20%22x%22%20%26%20y%3D1%2B2&count=50");
        assertThat(u.uri().getPath()).isEqualTo("/admin/v1/domains/a/b c?#/例え.jp");
    }

    @Test
    void aQueryTheAddressAlreadyHadIsKept() {
        assertThat(WebAddress.parse("https://x.example/scim?tenant=a%20b#frag").path("Users").query("filter", "1"))
                .hasToString("https://x.example/scim/Users?tenant=a%20b&filter=1");
    }
}
