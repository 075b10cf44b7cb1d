package app.scimconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.ReasonCode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ServerIdentityTest {

    @Test
    void aListedServerHasItsNameAndAddressAResolverOnlyItsAddressAZoneFileNeither() {
        assertThat(ServerIdentity.of(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.example.net", "192.0.2.1")))
                .isEqualTo(new ServerIdentity("ns1.example.net", "192.0.2.1"));
        assertThat(ServerIdentity.of(DomainReason.of(ReasonCode.SERVER_RESOLVER, "10.0.0.2:5353")))
                .isEqualTo(new ServerIdentity(null, "10.0.0.2:5353"));
        assertThat(ServerIdentity.of(DomainReason.of(ReasonCode.SERVER_ZONE_FILE)))
                .isEqualTo(new ServerIdentity(null, null));
    }

    @Test
    void putsBothKeysEvenWhenUnknown() {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        new ServerIdentity(null, "192.0.2.1").put(row);
        assertThat(row.toString()).isEqualTo("{\"name\":null,\"address\":\"192.0.2.1\"}");
    }
}
