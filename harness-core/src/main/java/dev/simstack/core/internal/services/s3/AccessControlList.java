package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An S3 access control list: the grants of a bucket or an object version, read from a canned ACL
 * ({@code x-amz-acl}), grant headers ({@code x-amz-grant-*}) or an {@code AccessControlPolicy} document,
 * checked as S3 checks them and answered in S3's XML. Stored, never enforced (no request is denied).
 *
 * @param grants the grants, in the order S3 answers them
 */
record AccessControlList(List<Grant> grants) {

    static final String CANNED = "x-amz-acl";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String GROUPS = "http://acs.amazonaws.com/groups/";
    static final String ALL_USERS = GROUPS + "global/AllUsers";
    static final String AUTHENTICATED_USERS = GROUPS + "global/AuthenticatedUsers";
    static final String LOG_DELIVERY = GROUPS + "s3/LogDelivery";
    private static final Set<String> GROUP_URIS = Set.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);
    private static final Set<String> PERMISSIONS = Set.of("FULL_CONTROL", "WRITE", "WRITE_ACP", "READ", "READ_ACP");
    /** Grant headers by the permission they grant, in S3's order. */
    private static final Map<String, String> GRANT_HEADERS = Map.of("x-amz-grant-full-control", "FULL_CONTROL",
            "x-amz-grant-read", "READ", "x-amz-grant-read-acp", "READ_ACP", "x-amz-grant-write", "WRITE",
            "x-amz-grant-write-acp", "WRITE_ACP");
    private static final List<String> GRANT_HEADER_ORDER = List.of("x-amz-grant-full-control", "x-amz-grant-read",
            "x-amz-grant-read-acp", "x-amz-grant-write", "x-amz-grant-write-acp");
    private static final Set<String> CANNED_ACLS = Set.of("private", "public-read", "public-read-write",
            "authenticated-read", "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control",
            "log-delivery-write");
    private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-f]{64}");

    /**
     * One grant.
     *
     * @param type {@code CanonicalUser} or {@code Group}
     * @param grantee the canonical user id, or the group's URI
     */
    record Grant(String type, String grantee, String permission) {
    }

    AccessControlList {
        grants = List.copyOf(grants);
    }

    /** The ACL every bucket and object has until one is set: its owner with FULL_CONTROL. */
    static AccessControlList ownerOnly(String owner) {
        return new AccessControlList(List.of(new Grant("CanonicalUser", owner, "FULL_CONTROL")));
    }

    /** Whether it grants nothing but FULL_CONTROL to {@code owner}, as ACLs-disabled buckets allow. */
    boolean isOwnerOnly(String owner) {
        return grants.stream().allMatch(grant -> grant.grantee().equals(owner)
                && grant.permission().equals("FULL_CONTROL"));
    }

    /** Whether {@code call} names an ACL in its headers ({@code x-amz-acl} or a grant header). */
    static boolean inHeaders(S3Call call) {
        return call.header(CANNED) != null || GRANT_HEADERS.keySet().stream().anyMatch(h -> call.header(h) != null);
    }

    /**
     * The ACL in {@code call}'s headers, checked, for {@code owner}; null if it names none. A canned ACL and
     * grant headers together are refused, as S3 refuses them.
     */
    static AccessControlList fromHeaders(S3Call call, String owner) {
        String canned = call.header(CANNED);
        boolean granted = GRANT_HEADERS.keySet().stream().anyMatch(h -> call.header(h) != null);
        if (canned != null && granted) {
            throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned != null) {
            return canned(canned, owner);
        }
        if (!granted) {
            return null;
        }
        List<Grant> grants = new ArrayList<>();
        for (String header : GRANT_HEADER_ORDER) {
            String value = call.header(header);
            if (value != null) {
                for (String entry : value.split(",")) {
                    grants.add(headerGrant(header, entry.trim()));
                }
            }
        }
        return new AccessControlList(grants);
    }

    private static Grant headerGrant(String header, String entry) {
        int equals = entry.indexOf('=');
        String type = equals < 0 ? "" : entry.substring(0, equals).trim();
        String value = equals < 0 ? "" : entry.substring(equals + 1).trim().replace("\"", "");
        String permission = GRANT_HEADERS.get(header);
        return switch (type) {
            case "id" -> new Grant("CanonicalUser", checkedId(value, "id"), permission);
            case "uri" -> new Grant("Group", checkedUri(value, "uri"), permission);
            case "emailAddress" -> throw unresolvableEmail();
            default -> throw S3Errors.invalidArgument("Argument format not recognized", header, entry);
        };
    }

    /** S3's canned ACLs; one stack is one account, so the bucket owner is the object owner. */
    static AccessControlList canned(String name, String owner) {
        if (!CANNED_ACLS.contains(name)) {
            throw S3Errors.invalidArgument("", CANNED, name);
        }
        List<Grant> grants = new ArrayList<>(ownerOnly(owner).grants());
        switch (name) {
            case "public-read" -> grants.add(new Grant("Group", ALL_USERS, "READ"));
            case "public-read-write" -> {
                grants.add(new Grant("Group", ALL_USERS, "READ"));
                grants.add(new Grant("Group", ALL_USERS, "WRITE"));
            }
            case "authenticated-read" -> grants.add(new Grant("Group", AUTHENTICATED_USERS, "READ"));
            case "log-delivery-write" -> {
                grants.add(new Grant("Group", LOG_DELIVERY, "WRITE"));
                grants.add(new Grant("Group", LOG_DELIVERY, "READ_ACP"));
            }
            default -> {
                // private, aws-exec-read, bucket-owner-read, bucket-owner-full-control: the owner alone here
            }
        }
        return new AccessControlList(grants);
    }

    /** The ACL of an {@code AccessControlPolicy} document, checked as S3 checks it. */
    static AccessControlList parse(byte[] body) {
        XmlReader policy;
        try {
            policy = XmlReader.parse(body, "AccessControlPolicy");
        } catch (RestXmlError e) {
            throw malformedAcl();
        }
        XmlReader owner = policy.child("Owner");
        XmlReader list = policy.child("AccessControlList");
        if (owner == null || list == null) {
            throw malformedAcl();
        }
        checkedId(owner.text("ID") == null ? "" : owner.text("ID"), "CanonicalUser/ID");
        List<Grant> grants = new ArrayList<>();
        for (XmlReader grant : list.children("Grant")) {
            String permission = grant.text("Permission");
            XmlReader grantee = grant.child("Grantee");
            if (permission == null || !PERMISSIONS.contains(permission) || grantee == null) {
                throw malformedAcl();
            }
            String type = grantee.attribute(XSI, "type");
            if ("CanonicalUser".equals(type)) {
                grants.add(new Grant(type, checkedId(nonNull(grantee.text("ID")), "CanonicalUser/ID"), permission));
            } else if ("Group".equals(type)) {
                grants.add(new Grant(type, checkedUri(nonNull(grantee.text("URI")), "Group/URI"), permission));
            } else if ("AmazonCustomerByEmail".equals(type)) {
                throw unresolvableEmail();
            } else {
                throw malformedAcl();
            }
        }
        return new AccessControlList(grants);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.trim();
    }

    private static String checkedId(String id, String argument) {
        if (!CANONICAL_ID.matcher(id).matches()) {
            throw S3Errors.invalidArgument("Invalid id", argument, id);
        }
        return id;
    }

    private static String checkedUri(String uri, String argument) {
        if (!GROUP_URIS.contains(uri)) {
            throw S3Errors.invalidArgument("Invalid group uri", argument, uri);
        }
        return uri;
    }

    private static RestXmlError malformedAcl() {
        return new RestXmlError("MalformedACLError", 400, "The XML you provided was not well-formed or did not"
                + " validate against our published schema");
    }

    /** A grant to an e-mail address: the engine knows no account by e-mail, so none resolves. */
    private static RestXmlError unresolvableEmail() {
        return new RestXmlError("UnresolvableGrantByEmailAddress", 400, "The e-mail address you provided does not"
                + " match any account on record.");
    }

    /** The {@code AccessControlPolicy} S3 answers: the owner, then every grant. */
    String toXml(String owner) {
        XmlWriter xml = XmlWriter.document("AccessControlPolicy");
        xml.start("Owner").element("ID", owner).element("DisplayName", BucketActions.DISPLAY_NAME).end("Owner");
        xml.start("AccessControlList");
        for (Grant grant : grants) {
            xml.raw("<Grant><Grantee xmlns:xsi=\"" + XSI + "\" xsi:type=\"" + grant.type() + "\">");
            if (grant.type().equals("Group")) {
                xml.element("URI", grant.grantee());
            } else {
                xml.element("ID", grant.grantee());
                if (grant.grantee().equals(owner)) {
                    xml.element("DisplayName", BucketActions.DISPLAY_NAME);
                }
            }
            xml.raw("</Grantee>").element("Permission", grant.permission()).raw("</Grant>");
        }
        xml.end("AccessControlList");
        return xml.finish("AccessControlPolicy");
    }
}
