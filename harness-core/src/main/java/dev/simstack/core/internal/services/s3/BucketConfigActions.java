package dev.simstack.core.internal.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.StreamedAnswerBody;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bucket configuration that is stored and answered back: versioning, tagging, default encryption (applied
 * to new objects' headers by {@link ObjectWrites}), CORS and bucket policy.
 * Deviation from AWS: CORS rules are returned but not applied to preflight requests, and bucket policies
 * are stored but not enforced (no request is ever denied by one), in line with signatures not being
 * verified (docs/architecture.md).
 */
final class BucketConfigActions {

    private static final Set<String> CORS_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    private static final List<String> CORS_MEMBERS = List.of("ID", "AllowedHeader", "AllowedMethod", "AllowedOrigin",
            "ExposeHeader", "MaxAgeSeconds");

    private final S3Context s3;

    BucketConfigActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutBucketVersioning", this::putVersioning);
        operations.put("GetBucketVersioning", this::getVersioning);
        operations.put("PutBucketTagging", this::putTagging);
        operations.put("GetBucketTagging", this::getTagging);
        operations.put("DeleteBucketTagging", call -> {
            s3.store().bucket(call.bucket()).tags(null);
            return RestOutput.ok().status(204);
        });
        operations.put("PutBucketEncryption", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            bucket.encryption(BucketEncryption.parse(call.payload().readAll(), call));
            return RestOutput.ok();
        });
        operations.put("GetBucketEncryption", call -> {
            BucketEncryption encryption = s3.store().bucket(call.bucket()).encryption();
            return RestOutput.xml((encryption == null ? BucketEncryption.SSE_S3 : encryption).toXml());
        });
        operations.put("DeleteBucketEncryption", call -> {
            s3.store().bucket(call.bucket()).encryption(null);
            return RestOutput.ok().status(204);
        });
        operations.put("PutBucketCors", this::putCors);
        operations.put("GetBucketCors", this::getCors);
        operations.put("DeleteBucketCors", call -> {
            s3.store().bucket(call.bucket()).cors(null);
            return RestOutput.ok().status(204);
        });
        operations.put("PutBucketPolicy", this::putPolicy);
        operations.put("GetBucketPolicy", this::getPolicy);
        operations.put("DeleteBucketPolicy", call -> {
            s3.store().bucket(call.bucket()).policy(null);
            return RestOutput.ok().status(204);
        });
    }

    private RestOutput putVersioning(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        String status = XmlReader.parse(call.payload().readAll(), "VersioningConfiguration").text("Status");
        if ("Suspended".equals(status)) {
            ObjectLockActions.checkVersioningChange(bucket, Bucket.Versioning.SUSPENDED);
            ReplicationActions.checkVersioningChange(bucket);
        }
        if ("Enabled".equals(status)) {
            bucket.versioning(Bucket.Versioning.ENABLED);
        } else if ("Suspended".equals(status)) {
            bucket.versioning(Bucket.Versioning.SUSPENDED);
        } else if (status != null) {
            throw S3Errors.malformedXml();
        }
        return RestOutput.ok();
    }

    private RestOutput getVersioning(S3Call call) {
        Bucket.Versioning versioning = s3.store().bucket(call.bucket()).versioning();
        XmlWriter xml = XmlWriter.document("VersioningConfiguration");
        if (versioning != null) {
            xml.element("Status", versioning == Bucket.Versioning.ENABLED ? "Enabled" : "Suspended");
        }
        return RestOutput.xml(xml.finish("VersioningConfiguration"));
    }

    private RestOutput putTagging(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        bucket.tags(TagSet.fromXml(call.payload().readAll(), TagSet.BUCKET_LIMIT));
        return RestOutput.ok().status(204);
    }

    private RestOutput getTagging(S3Call call) {
        Map<String, String> tags = s3.store().bucket(call.bucket()).tags();
        if (tags == null) {
            throw new RestXmlError("NoSuchTagSet", 404, "The TagSet does not exist").with("BucketName", call.bucket());
        }
        return RestOutput.xml(TagSet.toXml(tags));
    }

    /** Checks the rules as S3 does (each has an origin and a supported method) and stores them re-written. */
    private RestOutput putCors(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        XmlReader configuration = XmlReader.parse(call.payload().readAll(), "CORSConfiguration");
        List<XmlReader> rules = configuration.children("CORSRule");
        if (rules.isEmpty() || rules.size() > 100) {
            throw S3Errors.malformedXml();
        }
        StringBuilder stored = new StringBuilder();
        for (XmlReader rule : rules) {
            if (rule.children("AllowedOrigin").isEmpty() || rule.children("AllowedMethod").isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (XmlReader method : rule.children("AllowedMethod")) {
                if (!CORS_METHODS.contains(method.text())) {
                    throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is "
                            + method.text());
                }
            }
            XmlWriter xml = new XmlWriter();
            xml.start("CORSRule");
            for (String member : CORS_MEMBERS) {
                rule.children(member).forEach(value -> xml.element(member, value.text()));
            }
            String text = xml.end("CORSRule").toString();
            stored.append(text.substring(text.indexOf("<CORSRule>")));
        }
        bucket.cors(stored.toString());
        return RestOutput.ok();
    }

    private RestOutput getCors(S3Call call) {
        String cors = s3.store().bucket(call.bucket()).cors();
        if (cors == null) {
            throw new RestXmlError("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist")
                    .with("BucketName", call.bucket());
        }
        return RestOutput.xml(XmlWriter.document("CORSConfiguration").raw(cors).finish("CORSConfiguration"));
    }

    private RestOutput putPolicy(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        byte[] body = call.payload().readAll();
        JsonNode policy;
        try {
            policy = new JsonTrees().read(body);
        } catch (IOException e) {
            policy = null;
        }
        if (policy == null || !policy.isObject() || !policy.has("Statement")) {
            throw new RestXmlError("MalformedPolicy", 400,
                    "Policies must be valid JSON and the first byte must be '{'");
        }
        bucket.policy(new String(body, StandardCharsets.UTF_8));
        return RestOutput.ok().status(204);
    }

    private RestOutput getPolicy(S3Call call) {
        String policy = s3.store().bucket(call.bucket()).policy();
        if (policy == null) {
            throw new RestXmlError("NoSuchBucketPolicy", 404, "The bucket policy does not exist")
                    .with("BucketName", call.bucket());
        }
        byte[] bytes = policy.getBytes(StandardCharsets.UTF_8);
        return RestOutput.ok().header("Content-Type", "application/json")
                .body(StreamedAnswerBody.inMemory(bytes, 0, bytes.length));
    }
}
