package io.compressor.web;

import io.compressor.storage.Provider;
import java.util.Arrays;
import java.util.List;

/// The create form of one provider: which fields it asks for, what they are called there, and the help
/// that tells the user what to create at the provider. `endpointLabel` is null when there is no endpoint.
public record ProviderForm(String provider, String title, String keyIdLabel, String secretLabel, String endpointLabel,
        String endpointHelp, boolean region, String bucketLabel, String help, String policy) {

    /// What an S3 key needs: to write, to set an ACL when one is sent, to tag, and to remove the test's probe.
    static final String S3_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": ["s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:DeleteObject"],
                "Resource": "arn:aws:s3:::YOUR-BUCKET/*"
              }]
            }""";

    static List<ProviderForm> all() {
        return Arrays.stream(Provider.values()).map(ProviderForm::of).toList();
    }

    static ProviderForm of(Provider p) {
        String s3Help = "Create an access key that may write to the bucket. It needs s3:PutObject, plus s3:PutObjectAcl"
                + " when requests send an ACL, s3:PutObjectTagging when they send tags, and s3:DeleteObject for"
                + " \"Test connection\" (it writes and removes a probe object).";
        return switch (p) {
            case AWS -> new ProviderForm(p.wireName(), "Amazon S3", "Access key ID", "Secret access key", null, null, true,
                    "Bucket", s3Help + " In IAM, attach this policy to the key's user:", S3_POLICY);
            case DIGITALOCEAN -> new ProviderForm(p.wireName(), "DigitalOcean Spaces", "Spaces access key", "Secret key",
                    null, null, true, "Space", "Create a Spaces access key (API → Spaces Keys) with read/write access to"
                            + " the Space. The region is the Space's, such as nyc3.", null);
            case BACKBLAZE -> new ProviderForm(p.wireName(), "Backblaze B2", "Application key ID", "Application key", null,
                    null, true, "Bucket", "Create an application key with read and write access to the bucket. The region"
                            + " is the bucket's, such as us-west-004.", null);
            case CLOUDFLARE -> new ProviderForm(p.wireName(), "Cloudflare R2", "Access key ID", "Secret access key",
                    "Account ID", "The 32-character R2 account id from the Cloudflare dashboard.", false, "Bucket",
                    "Create an R2 API token with Object Read & Write permission on the bucket; use its S3 access key.",
                    null);
            case WASABI -> new ProviderForm(p.wireName(), "Wasabi", "Access key", "Secret key", null, null, true, "Bucket",
                    s3Help + " Wasabi takes the same policy as AWS:", S3_POLICY);
            case S3_COMPATIBLE -> new ProviderForm(p.wireName(), "Other S3-compatible (MinIO, Ceph, Garage…)",
                    "Access key ID", "Secret access key", "Endpoint", "The server's address, such as https://s3.example.com"
                            + " or http://10.0.0.5:9000.", true, "Bucket", s3Help, S3_POLICY);
            case AZURE -> new ProviderForm(p.wireName(), "Azure Blob Storage", "Storage account name",
                    "Account key or SAS token", "Endpoint (emulators only)", "Leave empty for Azure itself"
                            + " (https://ACCOUNT.blob.core.windows.net).", false, "Container",
                    "Give the storage account's name and either an account key or a SAS token with Create and Write"
                            + " permissions (and Delete, for \"Test connection\") on the container.", null);
        };
    }
}
