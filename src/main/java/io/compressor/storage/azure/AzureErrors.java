package io.compressor.storage.azure;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;

/// What Azure Blob Storage answered, as our storage errors with the cause in words.
final class AzureErrors {
    private AzureErrors() {}

    /// `sas` tells a refused signature (a wrong account key) from a refused permission (a SAS token's).
    static ServiceException map(BlobStorageException e, String container, String action, boolean sas) {
        BlobErrorCode code = e.getErrorCode();
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return new ServiceException(ErrorCode.STORAGE_NOT_FOUND, "There is no container \"" + container
                    + "\" in the storage account; check its name.");
        }
        boolean refused = e.getStatusCode() == 403;
        if (BlobErrorCode.AUTHENTICATION_FAILED.equals(code) || refused && !sas) {
            return new ServiceException(ErrorCode.STORAGE_DENIED, "Azure did not accept the connector's credentials:"
                    + " the account key (or SAS token) is wrong or expired; update the connector.");
        }
        if (BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.equals(code) || BlobErrorCode.AUTHORIZATION_FAILURE.equals(code)
                || e.getStatusCode() == 403) {
            return new ServiceException(ErrorCode.STORAGE_DENIED, "The connector's credentials may not " + action
                    + " in container \"" + container + "\": a SAS token needs the create and write permissions (sp=cw),"
                    + " and delete (d) for the connector test.");
        }
        return new ServiceException(ErrorCode.STORAGE_FAILED, "Azure refused to " + action + " in container \""
                + container + "\": " + (code == null ? "HTTP " + e.getStatusCode() : code.toString()) + ".");
    }

    static ServiceException unreachable(RuntimeException e, String container) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n", 2)[0];
        return new ServiceException(ErrorCode.STORAGE_FAILED, "Cannot reach Azure Blob Storage to write in container \""
                + container + "\": " + message + ". Check the connector's account name and endpoint.");
    }
}
