package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/** S3's error codes, statuses and messages, as its error reference lists them. */
final class S3Errors {

    private S3Errors() {
    }

    static RestXmlError noSuchBucket(String bucket) {
        return new RestXmlError("NoSuchBucket", 404, "The specified bucket does not exist").with("BucketName", bucket);
    }

    /** A prefix's request rate exceeded: S3 asks the client to back off (the SDKs retry it). */
    static RestXmlError slowDown() {
        return new RestXmlError("SlowDown", 503, "Please reduce your request rate.");
    }

    static RestXmlError noSuchKey(String key) {
        return new RestXmlError("NoSuchKey", 404, "The specified key does not exist.").with("Key", key);
    }

    static RestXmlError noSuchVersion(String key, String versionId) {
        return new RestXmlError("NoSuchVersion", 404, "The specified version does not exist.").with("Key", key)
                .with("VersionId", versionId);
    }

    static RestXmlError noSuchUpload(String uploadId) {
        return new RestXmlError("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be"
                + " invalid, or the upload may have been aborted or completed.").with("UploadId", uploadId);
    }

    static RestXmlError invalidArgument(String message, String name, String value) {
        return new RestXmlError("InvalidArgument", 400, message).with("ArgumentName", name)
                .with("ArgumentValue", value);
    }

    static RestXmlError invalidRequest(String message) {
        return new RestXmlError("InvalidRequest", 400, message);
    }

    static RestXmlError preconditionFailed(String condition) {
        return new RestXmlError("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not"
                + " hold").with("Condition", condition);
    }

    static RestXmlError conditionalRequestConflict() {
        return new RestXmlError("ConditionalRequestConflict", 409, "The conditional request cannot succeed due to a"
                + " conflicting operation against this resource.");
    }

    static RestXmlError badDigest(String what) {
        return new RestXmlError("BadDigest", 400, "The " + what + " you specified did not match the calculated"
                + " checksum.");
    }

    static RestXmlError invalidDigest(String what) {
        return new RestXmlError("InvalidDigest", 400, "The " + what + " you specified is not valid.");
    }

    static RestXmlError malformedXml() {
        return new RestXmlError("MalformedXML", 400, "The XML you provided was not well-formed or did not validate"
                + " against our published schema");
    }

    static RestXmlError methodNotAllowed(String method, String resourceType) {
        return new RestXmlError("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", resourceType);
    }

    static RestXmlError notImplemented(String what) {
        return new RestXmlError("NotImplemented", 501, what + " is not implemented by SimStack's S3 yet (see"
                + " docs/compatibility.md).");
    }

    static RestXmlError malformedPost(String why) {
        return new RestXmlError("MalformedPOSTRequest", 400, "The body of your POST request is not well-formed"
                + " multipart/form-data: " + why + ".");
    }

    static RestXmlError incompleteBody(String why) {
        return new RestXmlError("IncompleteBody", 400, "You did not provide the number of bytes specified by the"
                + " Content-Length HTTP header: " + why);
    }
}
