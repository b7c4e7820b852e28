package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** CreateBucket, HeadBucket, ListBuckets, DeleteBucket and GetBucketLocation. */
final class BucketActions {

    /** S3's legacy LocationConstraint for eu-west-1, which GetBucketLocation answers back as given. */
    static final String EU = "EU";
    /** What a region name looks like (us-west-2, us-gov-east-1, ap-southeast-5); S3 adds regions over time. */
    private static final Pattern REGION = Pattern.compile(EU + "|[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}");

    /** The owner's display name in every Owner and grant S3 answers. */
    static final String DISPLAY_NAME = "simstack";

    private final S3Context s3;

    BucketActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("CreateBucket", this::createBucket);
        operations.put("HeadBucket", this::headBucket);
        operations.put("ListBuckets", this::listBuckets);
        operations.put("DeleteBucket", this::deleteBucket);
        operations.put("GetBucketLocation", this::getBucketLocation);
    }

    private RestOutput createBucket(S3Call call) {
        BucketName.check(call.bucket());
        String constraint = locationConstraint(call);
        AclActions.AtCreate ownership = AclActions.atCreateBucket(call);
        Bucket bucket = create(call.bucket(), () -> region(constraint, call), call.arrival());
        if (EU.equals(constraint)) {
            bucket.locationConstraint(EU);
        }
        ownership.applyTo(bucket);
        if ("true".equalsIgnoreCase(call.header("x-amz-bucket-object-lock-enabled"))) {
            ObjectLockActions.enable(bucket);
        }
        return RestOutput.ok().header("Location", "/" + call.bucket());
    }

    /**
     * CreateBucket of {@code name} in the region {@code region} answers, created {@code at}: the wire's and
     * a declared bucket's one path. The region is asked for only after the name passed its check: a
     * request with a bad name is refused for its name before its location constraint is read.
     */
    Bucket create(String name, Supplier<String> region, Instant at) {
        BucketName.check(name);
        return s3.store().create(name, region.get(), at);
    }

    /**
     * The bucket's region from its LocationConstraint, by S3's rules: us-east-1 takes none (naming it is
     * InvalidLocationConstraint, as is a name that is no region), every other region needs its own, and a
     * regional endpoint refuses any other ("IllegalLocationConstraintException"); us-east-1, the global
     * endpoint, creates a bucket in any region. {@code EU} is S3's legacy name for eu-west-1.
     */
    private static String region(String constraint, S3Call call) {
        if (constraint != null && (!REGION.matcher(constraint).matches() || constraint.equals("us-east-1"))) {
            throw new RestXmlError("InvalidLocationConstraint", 400, "The specified location-constraint is not valid")
                    .with("LocationConstraint", constraint);
        }
        String region = constraint == null ? "us-east-1" : constraint.equals(EU) ? "eu-west-1" : constraint;
        if (!call.region().equals("us-east-1") && !call.region().equals(region)) {
            throw new RestXmlError("IllegalLocationConstraintException", 400, "The "
                    + (constraint == null ? "unspecified" : constraint) + " location constraint is incompatible for"
                    + " the region specific endpoint this request was sent to.");
        }
        return region;
    }

    private static String locationConstraint(S3Call call) {
        if (call.payload().isEmpty()) {
            return null;
        }
        return XmlReader.parse(call.payload().readAll(), "CreateBucketConfiguration").text("LocationConstraint");
    }

    private RestOutput headBucket(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        return RestOutput.ok().header("x-amz-bucket-region", bucket.region())
                .header("x-amz-access-point-alias", "false");
    }

    /** Buckets by name, paginated by {@code max-buckets} (1-10,000) and an opaque continuation token. */
    private RestOutput listBuckets(S3Call call) {
        String prefix = call.query("prefix");
        String token = call.query("continuation-token");
        String after = token == null ? null : ListObjectsActions.decodeToken(token);
        int max = maxBuckets(call.query("max-buckets"));
        List<Bucket> page = new ArrayList<>();
        boolean truncated = false;
        for (Bucket bucket : s3.store().all()) {
            if ((prefix != null && !bucket.name().startsWith(prefix)) || (after != null
                    && bucket.name().compareTo(after) <= 0)) {
                continue;
            }
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(bucket);
        }
        XmlWriter xml = XmlWriter.document("ListAllMyBucketsResult");
        owner(xml, call);
        xml.start("Buckets");
        page.forEach(bucket -> xml.start("Bucket").element("Name", bucket.name())
                .element("CreationDate", S3Time.iso(bucket.created()))
                .element("BucketRegion", bucket.region()).end("Bucket"));
        xml.end("Buckets").element("Prefix", prefix).element("ContinuationToken", truncated
                ? ListObjectsActions.encodeToken(page.get(page.size() - 1).name()) : null);
        return RestOutput.xml(xml.finish("ListAllMyBucketsResult"));
    }

    private static int maxBuckets(String text) {
        if (text == null) {
            return 10_000;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= 10_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw S3Errors.invalidArgument("max-buckets must be an integer from 1 to 10000", "max-buckets", text);
    }

    private RestOutput deleteBucket(S3Call call) {
        s3.store().delete(call.bucket());
        return RestOutput.ok().status(204);
    }

    /** us-east-1 answers an empty LocationConstraint, as S3 does for its oldest region; {@code EU} stays EU. */
    private RestOutput getBucketLocation(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        XmlWriter xml = XmlWriter.document("LocationConstraint");
        if (bucket.locationConstraint() != null) {
            xml.raw(escape(bucket.locationConstraint()));
        } else if (!bucket.region().equals("us-east-1")) {
            xml.raw(escape(bucket.region()));
        }
        return RestOutput.xml(xml.finish("LocationConstraint"));
    }

    static void owner(XmlWriter xml, S3Call call) {
        xml.start("Owner").element("ID", canonicalId(call)).element("DisplayName", DISPLAY_NAME).end("Owner");
    }

    /** A stable 64-hex canonical user id for the stack's account, shaped like S3's. */
    static String canonicalId(S3Call call) {
        return canonicalId(call.accountId());
    }

    /** The canonical user id of {@code account}. */
    static String canonicalId(String account) {
        StringBuilder id = new StringBuilder(64);
        while (id.length() < 64) {
            id.append(Integer.toHexString(Math.abs((account + id.length()).hashCode())));
        }
        return id.substring(0, 64);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        XmlWriter.escape(text, out);
        return out.toString();
    }
}
