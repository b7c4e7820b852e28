package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;

/** GetObjectAttributes, and the ACL of a new bucket's objects (the rest in AccessControlTest). */
class ObjectAttributesTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("attrs"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void attributes_answer_etag_size_storage_class_and_checksum() {
        String etag = s3.putObject(p -> p.bucket("attrs").key("k"), S3TestSupport.text("hello world")).eTag();
        GetObjectAttributesResponse attributes = s3.getObjectAttributes(a -> a.bucket("attrs").key("k")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_SIZE, ObjectAttributes.STORAGE_CLASS,
                        ObjectAttributes.CHECKSUM));
        assertThat(attributes.eTag()).isEqualTo(etag.replace("\"", ""));
        assertThat(attributes.objectSize()).isEqualTo(11L);
        assertThat(attributes.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(attributes.checksum().checksumCRC32()).isEqualTo("DUoRhQ==");
    }

    @Test
    void a_new_buckets_objects_answer_the_owners_full_control() {
        s3.putObject(p -> p.bucket("attrs").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                S3TestSupport.text("x"));
        assertThat(s3.getObjectAcl(a -> a.bucket("attrs").key("k")).grants()).singleElement()
                .satisfies(g -> assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL));
        assertThat(s3.getBucketAcl(a -> a.bucket("attrs")).owner().id()).hasSize(64);
    }
}
