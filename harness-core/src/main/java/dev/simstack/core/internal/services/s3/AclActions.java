package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;

/**
 * Access control lists, which SimStack does not model (no request is ever denied, as signatures and
 * policies are not checked): PutBucketAcl and PutObjectAcl are accepted and ignored, so application code
 * that sets canned ACLs runs; GetBucketAcl and GetObjectAcl answer what a fresh resource's ACL says, the
 * owner with FULL_CONTROL.
 */
final class AclActions {

    private final S3Context s3;

    AclActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("GetBucketAcl", call -> {
            s3.store().bucket(call.bucket());
            return RestOutput.xml(ownerFullControl(call));
        });
        operations.put("PutBucketAcl", call -> {
            s3.store().bucket(call.bucket());
            return RestOutput.ok();
        });
        operations.put("GetObjectAcl", call -> {
            find(call);
            return RestOutput.xml(ownerFullControl(call));
        });
        operations.put("PutObjectAcl", call -> {
            find(call);
            return RestOutput.ok();
        });
    }

    private void find(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        synchronized (bucket) {
            VersionLookup.find(bucket, call.key(), call.query("versionId"));
        }
    }

    private static String ownerFullControl(S3Call call) {
        XmlWriter xml = XmlWriter.document("AccessControlPolicy");
        BucketActions.owner(xml, call);
        xml.start("AccessControlList")
                .raw("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:type=\"CanonicalUser\">")
                .element("ID", BucketActions.canonicalId(call)).element("DisplayName", "simstack").raw("</Grantee>")
                .element("Permission", "FULL_CONTROL").raw("</Grant>").end("AccessControlList");
        return xml.finish("AccessControlPolicy");
    }
}
