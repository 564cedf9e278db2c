package io.compressor.web;

import io.compressor.account.Connector;
import java.net.URI;

/// A connector as the dashboard lists it: never its secret, only the hint of its key id, plus a ready
/// curl command that stores an upload through it.
public record ConnectorRow(String id, String name, String provider, String endpoint, String bucket, String region,
        String keyHint, String created, String curl) {
    static ConnectorRow of(Connector c, URI publicUrl) {
        String bucket = c.defaults().bucket();
        String store = "\"id\":\"" + c.id() + "\",\"bucket\":\"" + (bucket == null ? "YOUR-BUCKET" : bucket) + "\""
                + (c.defaults().region() == null && c.provider().needsRegion() ? ",\"region\":\"YOUR-REGION\"" : "")
                + ",\"path\":\"images/photo.jpg\"";
        String curl = "curl -u YOUR_API_KEY: -F file=@photo.jpg -F 'data={\"store\":{" + store + "}}' " + publicUrl
                + "/1.0/upload";
        return new ConnectorRow(c.id(), c.name(), ProviderForm.of(c.provider()).title(),
                c.endpoint() == null ? "" : c.endpoint(), bucket == null ? "" : bucket,
                c.defaults().region() == null ? "" : c.defaults().region(), c.keyHint(), Format.time(c.createdAt()), curl);
    }
}
