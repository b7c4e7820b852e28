package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostObject, the browser-form upload: {@code POST /bucket} with a {@code multipart/form-data} body whose
 * fields name the key ({@code ${filename}} replaced by the file's name), headers and metadata, and whose
 * last field is the file. Answers as {@code success_action_status} says (204 by default, 201 with a
 * PostResponse document) or redirects to {@code success_action_redirect}; raises ObjectCreated:Post. The
 * POST policy and its signature are not checked, like every signature.
 */
final class PostObjectAction {

    private final S3Context s3;
    private final ObjectWrites writes;

    PostObjectAction(S3Context s3) {
        this.s3 = s3;
        this.writes = new ObjectWrites(s3);
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PostObject", this::post);
    }

    private RestOutput post(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        try (InputStream body = call.payload().open()) {
            FormUpload form = FormUpload.open(call.header("Content-Type"), body);
            Map<String, String> fields = form.fields();
            String key = fields.get("key");
            if (key == null || key.isEmpty()) {
                throw S3Errors.invalidArgument("Bucket POST must contain a field named 'key'.  If it is specified,"
                        + " please check the order of the fields.", "key", "");
            }
            String finalKey = key.replace("${filename}", form.filename());
            ObjectUpload.checkKey(finalKey);
            Map<String, String> headers = ObjectAttributes.contentHeaders(name -> fields.get(name.toLowerCase(
                    Locale.ROOT)));
            Map<String, String> metadata = ObjectAttributes.metadata(fields);
            String storageClass = ObjectAttributes.storageClass(fields.get("x-amz-storage-class"));
            Map<String, String> tags = fields.containsKey("tagging")
                    ? TagSet.fromXml(fields.get("tagging").getBytes(StandardCharsets.UTF_8), TagSet.OBJECT_LIMIT)
                    : Map.of();
            BlobWriter.Written written = s3.blobs().write(form.file(), ObjectUpload.declaredAlgorithms(call));
            ObjectVersion.StoredContent content = new ObjectVersion.StoredContent(written.blob(),
                    ObjectUpload.etag(written.md5()), headers, metadata, storageClass, ObjectUpload.checksums(written),
                    "FULL_OBJECT", List.of());
            ObjectVersion version = writes.commit(bucket, finalKey, content, tags, null, call.requester(), ObjectWriteKind.PUT,
                    "Post");
            return answer(call, bucket, version, fields);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RestOutput answer(S3Call call, Bucket bucket, ObjectVersion version, Map<String, String> fields) {
        String location = "http://" + (call.host() == null ? "localhost" : call.host()) + "/" + bucket.name() + "/"
                + URLEncoder.encode(version.key(), StandardCharsets.UTF_8).replace("%2F", "/");
        String redirect = fields.get("success_action_redirect");
        RestOutput out;
        if (redirect != null && !redirect.isEmpty()) {
            out = RestOutput.ok().status(303).header("Location", redirect + (redirect.contains("?") ? "&" : "?")
                    + "bucket=" + URLEncoder.encode(bucket.name(), StandardCharsets.UTF_8) + "&key="
                    + URLEncoder.encode(version.key(), StandardCharsets.UTF_8) + "&etag="
                    + URLEncoder.encode(version.etag(), StandardCharsets.UTF_8));
        } else if ("201".equals(fields.get("success_action_status"))) {
            out = RestOutput.xml(XmlWriter.document("PostResponse").element("Location", location)
                    .element("Bucket", bucket.name()).element("Key", version.key()).element("ETag", version.etag())
                    .finish("PostResponse")).status(201).header("Location", location);
        } else {
            out = RestOutput.ok().status("200".equals(fields.get("success_action_status")) ? 200 : 204)
                    .header("Location", location);
        }
        return out.header("ETag", version.etag()).header("x-amz-version-id", ObjectWrites.versionHeader(bucket,
                version));
    }
}
