package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestOperations;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;

/**
 * Which S3 operation a REST request is, from its method, whether it names a bucket and a key, and its
 * sub-resource query parameters ({@code ?versioning}, {@code ?uploads}, {@code ?partNumber&uploadId}),
 * following the request URIs of S3's API reference. Sub-resources SimStack does not serve resolve to
 * their operation names anyway, so the service can answer NotImplemented naming them.
 */
final class S3OperationTable implements RestOperations {

    /** Bucket sub-resources by query parameter, as {GET, PUT, DELETE} operation names (null: none). */
    private static final Map<String, String[]> BUCKET_SUBRESOURCES = Map.ofEntries(
            Map.entry("versioning", new String[] {"GetBucketVersioning", "PutBucketVersioning", null}),
            Map.entry("tagging", new String[] {"GetBucketTagging", "PutBucketTagging", "DeleteBucketTagging"}),
            Map.entry("cors", new String[] {"GetBucketCors", "PutBucketCors", "DeleteBucketCors"}),
            Map.entry("policy", new String[] {"GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy"}),
            Map.entry("notification", new String[] {"GetBucketNotificationConfiguration",
                "PutBucketNotificationConfiguration", null}),
            Map.entry("location", new String[] {"GetBucketLocation", null, null}),
            Map.entry("versions", new String[] {"ListObjectVersions", null, null}),
            Map.entry("uploads", new String[] {"ListMultipartUploads", null, null}),
            Map.entry("acl", new String[] {"GetBucketAcl", "PutBucketAcl", null}),
            Map.entry("lifecycle", new String[] {"GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration",
                "DeleteBucketLifecycle"}),
            Map.entry("encryption", new String[] {"GetBucketEncryption", "PutBucketEncryption",
                "DeleteBucketEncryption"}),
            Map.entry("website", new String[] {"GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite"}),
            Map.entry("replication", new String[] {"GetBucketReplication", "PutBucketReplication",
                "DeleteBucketReplication"}),
            Map.entry("ownershipControls", new String[] {"GetBucketOwnershipControls", "PutBucketOwnershipControls",
                "DeleteBucketOwnershipControls"}),
            Map.entry("publicAccessBlock", new String[] {"GetPublicAccessBlock", "PutPublicAccessBlock",
                "DeletePublicAccessBlock"}),
            Map.entry("object-lock", new String[] {"GetObjectLockConfiguration", "PutObjectLockConfiguration", null}),
            Map.entry("logging", new String[] {"GetBucketLogging", "PutBucketLogging", null}),
            Map.entry("accelerate", new String[] {"GetBucketAccelerateConfiguration",
                "PutBucketAccelerateConfiguration", null}),
            Map.entry("requestPayment", new String[] {"GetBucketRequestPayment", "PutBucketRequestPayment", null}));

    @Override
    public String resolve(String method, String bucket, String key, Map<String, String> query, HttpHeaders headers) {
        if (bucket == null) {
            if (method.equals("GET")) {
                return "ListBuckets";
            }
            throw S3Errors.methodNotAllowed(method, "SERVICE");
        }
        return key == null ? bucketOperation(method, query) : objectOperation(method, query, headers);
    }

    private static String bucketOperation(String method, Map<String, String> query) {
        if (method.equals("HEAD")) {
            return "HeadBucket";
        }
        if (method.equals("POST")) {
            return query.containsKey("delete") ? "DeleteObjects" : "PostObject";
        }
        int slot = switch (method) {
            case "GET" -> 0;
            case "PUT" -> 1;
            case "DELETE" -> 2;
            default -> throw S3Errors.methodNotAllowed(method, "BUCKET");
        };
        for (Map.Entry<String, String[]> subresource : BUCKET_SUBRESOURCES.entrySet()) {
            if (query.containsKey(subresource.getKey())) {
                String operation = subresource.getValue()[slot];
                if (operation == null) {
                    throw S3Errors.methodNotAllowed(method, "BUCKET");
                }
                return operation;
            }
        }
        return switch (slot) {
            case 0 -> "2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects";
            case 1 -> "CreateBucket";
            default -> "DeleteBucket";
        };
    }

    private static String objectOperation(String method, Map<String, String> query, HttpHeaders headers) {
        boolean tagging = query.containsKey("tagging");
        boolean upload = query.containsKey("uploadId");
        return switch (method) {
            case "GET" -> tagging ? "GetObjectTagging" : upload ? "ListParts"
                    : query.containsKey("retention") ? "GetObjectRetention"
                    : query.containsKey("legal-hold") ? "GetObjectLegalHold"
                    : query.containsKey("attributes") ? "GetObjectAttributes"
                    : query.containsKey("acl") ? "GetObjectAcl" : "GetObject";
            case "HEAD" -> "HeadObject";
            case "PUT" -> tagging ? "PutObjectTagging"
                    : query.containsKey("retention") ? "PutObjectRetention"
                    : query.containsKey("legal-hold") ? "PutObjectLegalHold"
                    : query.containsKey("partNumber") || upload
                            ? (headers.contains("x-amz-copy-source") ? "UploadPartCopy" : "UploadPart")
                    : query.containsKey("acl") ? "PutObjectAcl"
                    : headers.contains("x-amz-copy-source") ? "CopyObject" : "PutObject";
            case "DELETE" -> tagging ? "DeleteObjectTagging" : upload ? "AbortMultipartUpload" : "DeleteObject";
            case "POST" -> query.containsKey("uploads") ? "CreateMultipartUpload"
                    : upload ? "CompleteMultipartUpload"
                    : query.containsKey("restore") ? "RestoreObject"
                    : query.containsKey("select") ? "SelectObjectContent"
                    : throwMethodNotAllowed(method);
            default -> throwMethodNotAllowed(method);
        };
    }

    private static String throwMethodNotAllowed(String method) {
        throw S3Errors.methodNotAllowed(method, "OBJECT");
    }
}
