package io.compressor.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.error.ServiceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/// The answers a gateway on loopback cannot give (AWS-only errors) mapped to codes and advice.
/// The same mapping is exercised against the real gateway by S3ConnectorIT and S3FailuresIT.
class S3ErrorsTest {
    private static S3Exception error(String code, int status, String regionHeader) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (regionHeader != null) {
            response.putHeader("x-amz-bucket-region", regionHeader);
        }
        return (S3Exception) S3Exception.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage("provider text").sdkHttpResponse(response.build()).build()).build();
    }

    @Test
    void aWrongRegionNamesTheBucketsRealRegion() {
        ServiceException e = S3Errors.map(error("PermanentRedirect", 301, "eu-central-1"), "photos", "us-east-1", false,
                "write", "s3:PutObject");
        assertThat(e.code()).isEqualTo("storage_failed");
        assertThat(e.getMessage()).contains("is in region eu-central-1, not us-east-1").contains("\"region\": \"eu-central-1\"");
    }

    @Test
    void bucketsWithAclsDisabledAreToldToSendAclNone() {
        ServiceException e = S3Errors.map(error("AccessControlListNotSupported", 400, null), "photos", "us-east-1", true,
                "write", "s3:PutObject");
        assertThat(e.code()).isEqualTo("storage_denied");
        assertThat(e.getMessage()).contains("send \"acl\": \"none\"");
    }

    @Test
    void anUnreachableEndpointIsNamedAsSuch() {
        ServiceException e = S3Errors.map(SdkClientException.create("Unable to execute HTTP request: Connection refused"),
                "photos", "us-east-1", false, "write", "s3:PutObject");
        assertThat(e.code()).isEqualTo("storage_failed");
        assertThat(e.getMessage()).contains("Cannot reach the storage endpoint").contains("Connection refused");
    }

    @Test
    void providerUrlsFollowEachProvidersForm() {
        var spec = new io.compressor.storage.ConnectorSpec("c", io.compressor.storage.Provider.AWS, null, false, false, "a", "s");
        assertThat(S3Addresses.objectUrl(spec, "my-bucket", "eu-central-1", "processed/image.jpg"))
                .isEqualTo("https://my-bucket.s3.eu-central-1.amazonaws.com/processed/image.jpg");
        var spaces = new io.compressor.storage.ConnectorSpec("c", io.compressor.storage.Provider.DIGITALOCEAN, null, false, true, "a", "s");
        assertThat(S3Addresses.objectUrl(spaces, "my-bucket", "ams3", "a b.jpg"))
                .isEqualTo("https://my-bucket.ams3.digitaloceanspaces.com/a%20b.jpg");
        var b2 = new io.compressor.storage.ConnectorSpec("c", io.compressor.storage.Provider.BACKBLAZE, null, false, true, "a", "s");
        assertThat(S3Addresses.objectUrl(b2, "my-bucket", "eu-central-003", "x.jpg"))
                .isEqualTo("https://my-bucket.s3.eu-central-003.backblazeb2.com/x.jpg");
        var ceph = new io.compressor.storage.ConnectorSpec("c", io.compressor.storage.Provider.S3_COMPATIBLE,
                "http://127.0.0.1:7480", true, true, "a", "s");
        assertThat(S3Addresses.objectUrl(ceph, "b", "us-east-1", "ü/é.jpg")).isEqualTo("http://127.0.0.1:7480/b/%C3%BC/%C3%A9.jpg");
    }
}
