package io.compressor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.storage.s3.S3Connector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedConnectorsTest {
    private static ConnectorSpec spec(String id) {
        return new ConnectorSpec(id, Provider.AWS, null, false, false, "AKIDEXAMPLE", "secret");
    }

    @Test
    void aConnectorIsMadeOnceAndMadeAgainOnlyAfterItWasForgotten() {
        CachedConnectors connectors = new CachedConnectors(S3Connector::new);
        StorageConnector first = connectors.open(spec("c1"));
        assertThat(connectors.open(spec("c1"))).isSameAs(first);
        assertThat(connectors.open(spec("c2"))).isNotSameAs(first);
        connectors.forget("c1");
        assertThat(connectors.open(spec("c1"))).isNotSameAs(first);
        connectors.forget("never-opened"); // nothing to let go of
    }

    @Test
    void forgettingAConnectorClosesItsClients() {
        List<String> closed = new ArrayList<>();
        CachedConnectors connectors = new CachedConnectors(spec -> new StorageConnector() {
            @Override
            public String put(StoreOptions options, byte[] body, String contentType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void verify(String bucket, String region) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
                closed.add(spec.id());
            }
        });
        connectors.open(spec("c1"));
        connectors.open(spec("c2"));
        connectors.forget("c1");
        assertThat(closed).containsExactly("c1");
    }
}
