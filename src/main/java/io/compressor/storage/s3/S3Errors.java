package io.compressor.storage.s3;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/// Turns what an S3 server answered into our storage errors, each naming the cause and the fix.
/// Provider messages never carry credentials; ours never quote them either.
final class S3Errors {
    private S3Errors() {}

    /// `action` is what was attempted (`write`, `delete`), `permission` the IAM action it needs.
    static ServiceException map(SdkException e, String bucket, String region, boolean aclSent, String action,
            String permission) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            String code = String.valueOf(s3.awsErrorDetails().errorCode());
            return switch (code) {
                case "AccessDenied", "AllAccessDisabled" -> new ServiceException(ErrorCode.STORAGE_DENIED,
                        "The connector's key may not " + action + " in bucket \"" + bucket + "\": grant it " + permission
                                + (aclSent ? ", and s3:PutObjectAcl since an ACL was sent (or send \"acl\": \"none\")" : "")
                                + ".");
                case "AccessControlListNotSupported" -> new ServiceException(ErrorCode.STORAGE_DENIED, "Bucket \""
                        + bucket + "\" has ACLs disabled (object ownership enforced by the bucket owner): send \"acl\": \"none\".");
                case "NoSuchBucket" -> new ServiceException(ErrorCode.STORAGE_NOT_FOUND, "There is no bucket \"" + bucket
                        + "\" at the provider" + (region == null ? "" : " in region " + region) + "; check its name and region.");
                case "InvalidAccessKeyId" -> new ServiceException(ErrorCode.STORAGE_DENIED, "The provider does not know"
                        + " the connector's access key id; update the connector's credentials.");
                case "SignatureDoesNotMatch" -> new ServiceException(ErrorCode.STORAGE_DENIED, "The connector's secret"
                        + " does not match its access key id; update the connector's credentials.");
                case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                        new ServiceException(ErrorCode.STORAGE_FAILED, wrongRegion(s3, bucket, region));
                default -> new ServiceException(ErrorCode.STORAGE_FAILED, "The provider refused to " + action + " in bucket \""
                        + bucket + "\": " + code + (s3.awsErrorDetails().errorMessage() == null ? ""
                        : " (" + s3.awsErrorDetails().errorMessage() + ")") + ".");
            };
        }
        if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            return new ServiceException(ErrorCode.STORAGE_DENIED, "The connector's key may not " + action + " in bucket \""
                    + bucket + "\": grant it " + permission + ".");
        }
        if (e instanceof SdkClientException) {
            return new ServiceException(ErrorCode.STORAGE_FAILED, "Cannot reach the storage endpoint to " + action
                    + " in bucket \"" + bucket + "\": " + firstLine(e.getMessage()) + ". Check the connector's endpoint"
                    + " and that the provider is up.");
        }
        return new ServiceException(ErrorCode.STORAGE_FAILED, "The storage write failed: " + firstLine(e.getMessage()));
    }

    /// The connection broke while the body was on its way (the HTTP client reports it outside the SDK's types).
    static ServiceException broken(java.io.UncheckedIOException e, String bucket) {
        return new ServiceException(ErrorCode.STORAGE_FAILED, "The connection to the storage endpoint broke while"
                + " writing to bucket \"" + bucket + "\": " + firstLine(e.getCause() == null ? e.getMessage()
                : e.getCause().getMessage()) + ". Nothing was written; retry.");
    }

    private static String wrongRegion(S3Exception e, String bucket, String region) {
        String real = e.awsErrorDetails().sdkHttpResponse() == null ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
        return real == null
                ? "Bucket \"" + bucket + "\" is not in region " + region + "; send the bucket's own region."
                : "Bucket \"" + bucket + "\" is in region " + real + ", not " + region + "; send \"region\": \"" + real + "\".";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
