package io.compressor.db;

import io.compressor.account.Connector;
import io.compressor.account.ConnectorStore;
import io.compressor.storage.Acl;
import io.compressor.storage.Provider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/// Connectors in the `connectors` table; sealed credentials are stored as base64 text.
public final class SqlConnectorStore implements ConnectorStore {
    private static final String COLUMNS = "SELECT id, account_id, name, provider, endpoint, path_style, checksum_when_required,"
            + " default_bucket, default_region, default_path_prefix, default_acl, key_hint, created_at FROM connectors";
    private final Jdbi jdbi;

    public SqlConnectorStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(Connector c, byte[] sealed) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO connectors (id, account_id, name, provider, endpoint, path_style,"
                        + " checksum_when_required, default_bucket, default_region, default_path_prefix, default_acl, key_hint,"
                        + " credentials, created_at) VALUES (:id, :account, :name, :provider, :endpoint, :pathStyle, :checksum,"
                        + " :bucket, :region, :prefix, :acl, :hint, :credentials, :createdAt)")
                .bind("id", c.id()).bind("account", c.accountId()).bind("name", c.name())
                .bind("provider", c.provider().wireName()).bind("endpoint", c.endpoint()).bind("pathStyle", c.pathStyle())
                .bind("checksum", c.checksumWhenRequired()).bind("bucket", c.defaults().bucket())
                .bind("region", c.defaults().region()).bind("prefix", c.defaults().pathPrefix())
                .bind("acl", c.defaults().acl() == null ? null : c.defaults().acl().name()).bind("hint", c.keyHint())
                .bind("credentials", Base64.getEncoder().encodeToString(sealed)).bind("createdAt", c.createdAt())
                .execute());
    }

    @Override
    public Optional<Connector> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Connector> listByAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE account_id = :account ORDER BY created_at, id")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<Connector> all() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " ORDER BY created_at, id").map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public byte[] sealedCredentials(String id) {
        String sealed = jdbi.withHandle(h -> h.createQuery("SELECT credentials FROM connectors WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        return Base64.getDecoder().decode(sealed);
    }

    @Override
    public void replaceSealedCredentials(String id, byte[] sealed) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE connectors SET credentials = :credentials WHERE id = :id")
                .bind("credentials", Base64.getEncoder().encodeToString(sealed)).bind("id", id).execute());
    }

    @Override
    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM connectors WHERE id = :id").bind("id", id).execute()) == 1;
    }

    private static Connector map(ResultSet rs) throws SQLException {
        String acl = rs.getString("default_acl");
        return new Connector(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                Provider.fromWire(rs.getString("provider")), rs.getString("endpoint"), rs.getBoolean("path_style"),
                rs.getBoolean("checksum_when_required"), new Connector.Defaults(rs.getString("default_bucket"),
                        rs.getString("default_region"), rs.getString("default_path_prefix"),
                        acl == null ? null : Acl.valueOf(acl.toUpperCase(Locale.ROOT))),
                rs.getString("key_hint"), Columns.instant(rs, "created_at"));
    }
}
