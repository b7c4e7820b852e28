package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Versioning: enabled and suspended states, version ids, delete markers, reads and deletes by version. */
class VersioningTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("history"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private void versioning(BucketVersioningStatus status) {
        s3.putBucketVersioning(v -> v.bucket("history").versioningConfiguration(c -> c.status(status)));
    }

    @Test
    void a_new_bucket_has_no_versioning_status_until_set() {
        assertThat(s3.getBucketVersioning(v -> v.bucket("history")).status()).isNull();
        versioning(BucketVersioningStatus.ENABLED);
        assertThat(s3.getBucketVersioning(v -> v.bucket("history")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        versioning(BucketVersioningStatus.SUSPENDED);
        assertThat(s3.getBucketVersioning(v -> v.bucket("history")).status())
                .isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @Test
    void every_put_keeps_a_version_readable_by_id() {
        versioning(BucketVersioningStatus.ENABLED);
        String v1 = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("one")).versionId();
        String v2 = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("two")).versionId();
        assertThat(v1).isNotEqualTo(v2).isNotEqualTo("null");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc")).asUtf8String()).isEqualTo("two");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc").versionId(v1)).asUtf8String())
                .isEqualTo("one");
        assertThat(s3.headObject(h -> h.bucket("history").key("doc").versionId(v1)).versionId()).isEqualTo(v1);
    }

    @Test
    void delete_without_version_adds_a_delete_marker_that_hides_the_key() {
        versioning(BucketVersioningStatus.ENABLED);
        String v1 = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("one")).versionId();
        DeleteObjectResponse deleted = s3.deleteObject(d -> d.bucket("history").key("doc"));
        assertThat(deleted.deleteMarker()).isTrue();
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("history").key("doc")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.listObjectsV2(l -> l.bucket("history")).contents()).isEmpty();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc").versionId(v1)).asUtf8String())
                .isEqualTo("one");
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("history").key("doc")
                .versionId(deleted.versionId()))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(405));
        // Deleting the marker itself brings the object back.
        s3.deleteObject(d -> d.bucket("history").key("doc").versionId(deleted.versionId()));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc")).asUtf8String()).isEqualTo("one");
    }

    @Test
    void delete_object_answers_the_version_it_removed_and_whether_it_was_a_marker() {
        DeleteObjectResponse unversioned = s3.deleteObject(d -> d.bucket("history").key("doc"));
        assertThat(unversioned.versionId()).isNull();
        assertThat(unversioned.deleteMarker()).isNull();
        versioning(BucketVersioningStatus.ENABLED);
        String v1 = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("one")).versionId();
        String v2 = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("two")).versionId();
        DeleteObjectResponse marker = s3.deleteObject(d -> d.bucket("history").key("doc"));
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(marker.versionId()).isNotIn(v1, v2).isNotBlank();
        DeleteObjectResponse version = s3.deleteObject(d -> d.bucket("history").key("doc").versionId(v1));
        assertThat(version.versionId()).isEqualTo(v1);
        assertThat(version.deleteMarker()).isNull();
        DeleteObjectResponse removedMarker = s3.deleteObject(d -> d.bucket("history").key("doc")
                .versionId(marker.versionId()));
        assertThat(removedMarker.versionId()).isEqualTo(marker.versionId());
        assertThat(removedMarker.deleteMarker()).isTrue();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc")).asUtf8String()).isEqualTo("two");
    }

    @Test
    void list_object_versions_shows_versions_and_markers_newest_first() {
        versioning(BucketVersioningStatus.ENABLED);
        String a1 = s3.putObject(p -> p.bucket("history").key("a"), S3TestSupport.text("1")).versionId();
        String a2 = s3.putObject(p -> p.bucket("history").key("a"), S3TestSupport.text("22")).versionId();
        String marker = s3.deleteObject(d -> d.bucket("history").key("a")).versionId();
        String b1 = s3.putObject(p -> p.bucket("history").key("b"), S3TestSupport.text("3")).versionId();
        ListObjectVersionsResponse all = s3.listObjectVersions(l -> l.bucket("history"));
        assertThat(all.versions()).extracting(ObjectVersion::versionId).containsExactly(a2, a1, b1);
        assertThat(all.versions()).extracting(ObjectVersion::isLatest).containsExactly(false, false, true);
        assertThat(all.deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.versionId()).isEqualTo(marker);
            assertThat(m.isLatest()).isTrue();
        });
    }

    @Test
    void list_object_versions_pages_by_key_and_version_id_marker() {
        versioning(BucketVersioningStatus.ENABLED);
        for (int i = 0; i < 3; i++) {
            s3.putObject(p -> p.bucket("history").key("k"), S3TestSupport.text("v"));
        }
        s3.putObject(p -> p.bucket("history").key("l"), S3TestSupport.text("v"));
        ListObjectVersionsResponse first = s3.listObjectVersions(l -> l.bucket("history").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextKeyMarker()).isEqualTo("k");
        ListObjectVersionsResponse second = s3.listObjectVersions(l -> l.bucket("history").maxKeys(2)
                .keyMarker(first.nextKeyMarker()).versionIdMarker(first.nextVersionIdMarker()));
        assertThat(second.versions()).extracting(ObjectVersion::key).containsExactly("k", "l");
        List<String> ids = s3.listObjectVersionsPaginator(l -> l.bucket("history").maxKeys(1)).versions().stream()
                .map(ObjectVersion::versionId).toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void suspended_versioning_overwrites_the_null_version() {
        versioning(BucketVersioningStatus.ENABLED);
        String kept = s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("kept")).versionId();
        versioning(BucketVersioningStatus.SUSPENDED);
        assertThat(s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("n1")).versionId())
                .isEqualTo("null");
        s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("n2"));
        assertThat(s3.listObjectVersions(l -> l.bucket("history")).versions()).extracting(ObjectVersion::versionId)
                .containsExactly("null", kept);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("history").key("doc").versionId("null")).asUtf8String())
                .isEqualTo("n2");
    }

    @Test
    void an_unknown_version_id_is_no_such_version() {
        versioning(BucketVersioningStatus.ENABLED);
        s3.putObject(p -> p.bucket("history").key("doc"), S3TestSupport.text("x"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("history").key("doc")
                .versionId("0123456789abcdef0123456789abcdef"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
                });
    }
}
