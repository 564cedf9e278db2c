package io.compressor.account;

import java.util.List;
import java.util.Optional;

/// Persistence of connectors and their sealed credentials; `db` implements it.
public interface ConnectorStore {
    void insert(Connector connector, byte[] sealedCredentials);

    Optional<Connector> find(String id);

    List<Connector> listByAccount(String accountId);

    /// Every connector of every account, for re-sealing under a new master key.
    List<Connector> all();

    byte[] sealedCredentials(String id);

    void replaceSealedCredentials(String id, byte[] sealed);

    boolean delete(String id);
}
