#!/usr/bin/python3
"""S3 through Debian's AWS CLI v2 (/usr/bin/aws 2.9.19): s3api, `aws s3 cp` (multipart), `aws s3 sync`, and
`aws s3 presign` fetched with curl, against a running SimStack launcher (path-style addressing)."""
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

S = Suite("s3_cli")
B = {}
TMP = tempfile.mkdtemp(prefix="simstack-s3-")
MIB = 1024 * 1024
HELLO = "héllo, S3\n".encode()
PART = 8 * MIB  # the CLI's default multipart_threshold and multipart_chunksize


def s3api(*args):
    return aws(S.endpoint, "s3api", *args)


def s3(*args):
    return aws(S.endpoint, "s3", *args, expect_json=False, timeout=120)


def path(*parts):
    return os.path.join(TMP, *parts)


def write(name, data):
    os.makedirs(os.path.dirname(path(name)), exist_ok=True)
    with open(path(name), "wb") as f:
        f.write(data)
    return path(name)


def read(file):
    with open(file, "rb") as f:
        return f.read()


def create_bucket():
    name = S.unique("bucket").lower().replace("_", "-")  # bucket names allow no underscore
    out = s3api("create-bucket", "--bucket", name)
    expect(out.get("Location"), f"/{name}", "Location")
    s3api("head-bucket", "--bucket", name)
    expect_true(name in [b["Name"] for b in s3api("list-buckets")["Buckets"]], "bucket missing from list-buckets")
    B["name"] = name


def put_head_get_object():
    body = HELLO
    src = write("hello.txt", body)
    put = s3api("put-object", "--bucket", B["name"], "--key", "docs/hello.txt", "--body", src,
                "--content-type", "text/plain; charset=utf-8", "--metadata", "owner=conformance,stage=ci")
    expect(put["ETag"], f'"{hashlib.md5(body).hexdigest()}"', "ETag of PutObject")
    head = s3api("head-object", "--bucket", B["name"], "--key", "docs/hello.txt")
    expect((head["ContentLength"], head["ContentType"], head["ETag"], head["Metadata"]),
           (len(body), "text/plain; charset=utf-8", put["ETag"], {"owner": "conformance", "stage": "ci"}),
           "HeadObject")
    got = s3api("get-object", "--bucket", B["name"], "--key", "docs/hello.txt", path("hello.out"))
    expect(read(path("hello.out")), body, "bytes of GetObject")
    expect(got["ETag"], put["ETag"], "ETag of GetObject")
    s3api("get-object", "--bucket", B["name"], "--key", "docs/hello.txt", "--range", "bytes=1-4", path("range.out"))
    expect(read(path("range.out")), body[1:5], "bytes of a ranged GetObject")


def list_objects_v2():
    for key in ("docs/a.txt", "docs/b.txt", "docs/sub/c.txt", "img/d.png", "top.txt"):
        s3api("put-object", "--bucket", B["name"], "--key", key, "--body", write("small", key.encode()))
    listed = s3api("list-objects-v2", "--bucket", B["name"], "--prefix", "docs/", "--delimiter", "/")
    expect([o["Key"] for o in listed["Contents"]], ["docs/a.txt", "docs/b.txt", "docs/hello.txt"], "Contents")
    expect([p["Prefix"] for p in listed["CommonPrefixes"]], ["docs/sub/"], "CommonPrefixes")
    top = s3api("list-objects-v2", "--bucket", B["name"], "--delimiter", "/")
    expect([p["Prefix"] for p in top["CommonPrefixes"]], ["docs/", "img/"], "top-level CommonPrefixes")
    first = s3api("list-objects-v2", "--bucket", B["name"], "--max-keys", "2", "--no-paginate")
    expect((len(first["Contents"]), first["IsTruncated"], first["KeyCount"]), (2, True, 2), "first page")
    rest = s3api("list-objects-v2", "--bucket", B["name"], "--no-paginate",
                 "--continuation-token", first["NextContinuationToken"])
    keys = [o["Key"] for o in first["Contents"] + rest["Contents"]]
    expect(keys, sorted(["docs/a.txt", "docs/b.txt", "docs/hello.txt", "docs/sub/c.txt", "img/d.png", "top.txt"]),
           "keys over both pages")
    # The CLI's paginator follows the continuation tokens itself.
    expect(len(s3api("list-objects-v2", "--bucket", B["name"], "--page-size", "1")["Contents"]), 6,
           "keys through --page-size 1")


def copy_and_delete_objects():
    copied = s3api("copy-object", "--bucket", B["name"], "--key", "copy.txt",
                   "--copy-source", f"{B['name']}/docs/hello.txt")
    expect(copied["CopyObjectResult"]["ETag"], f'"{hashlib.md5(HELLO).hexdigest()}"', "ETag of CopyObject")
    deleted = s3api("delete-objects", "--bucket", B["name"], "--delete",
                    json.dumps({"Objects": [{"Key": "copy.txt"}, {"Key": "top.txt"}, {"Key": "never-existed"}]}))
    expect(sorted(d["Key"] for d in deleted["Deleted"]), ["copy.txt", "never-existed", "top.txt"], "Deleted")
    s3api("delete-object", "--bucket", B["name"], "--key", "img/d.png")
    expect(aws_error(S.endpoint, "s3api", "get-object", "--bucket", B["name"], "--key", "copy.txt", path("x")),
           "NoSuchKey", "error code of a deleted key")


def stored_headers_and_copy_directives():
    key_arn = "arn:aws:kms:us-east-1:000000000000:key/conformance"
    s3api("put-object", "--bucket", B["name"], "--key", "hdr/page.html", "--body", write("page", b"<p/>"),
          "--content-encoding", "gzip", "--cache-control", "max-age=60", "--website-redirect-location", "/moved",
          "--storage-class", "STANDARD_IA", "--server-side-encryption", "aws:kms", "--ssekms-key-id", key_arn)
    head = s3api("head-object", "--bucket", B["name"], "--key", "hdr/page.html")
    expect((head.get("ContentType"), head.get("ContentEncoding"), head.get("CacheControl"),
            head.get("WebsiteRedirectLocation"), head.get("StorageClass"), head.get("ServerSideEncryption"),
            head.get("SSEKMSKeyId")),
           ("binary/octet-stream", "gzip", "max-age=60", "/moved", "STANDARD_IA", "aws:kms", key_arn),
           "HeadObject's stored headers")
    # REPLACE takes the request's headers; the redirect and the encryption are never the source's.
    copied = s3api("copy-object", "--bucket", B["name"], "--key", "hdr/copy.html",
                   "--copy-source", f"{B['name']}/hdr/page.html", "--metadata-directive", "REPLACE",
                   "--content-type", "text/html")
    expect(copied.get("ServerSideEncryption"), "AES256", "CopyObject's encryption")
    head = s3api("head-object", "--bucket", B["name"], "--key", "hdr/copy.html")
    expect((head.get("ContentType"), head.get("ContentEncoding"), head.get("WebsiteRedirectLocation")),
           ("text/html", None, None), "headers of a REPLACE copy")
    expect(aws_error(S.endpoint, "s3api", "copy-object", "--bucket", B["name"], "--key", "hdr/never",
                     "--copy-source", f"{B['name']}/hdr/page.html", "--copy-source-if-none-match",
                     f'"{hashlib.md5(b"<p/>").hexdigest()}"'),
           "PreconditionFailed", "error code of a failing copy-source condition")


def errors():
    expect(aws_error(S.endpoint, "s3api", "head-object", "--bucket", B["name"], "--key", "missing"), "404",
           "HeadObject of a missing key")
    missing = S.unique("nobucket").lower().replace("_", "-")
    expect(aws_error(S.endpoint, "s3api", "list-objects-v2", "--bucket", missing),
           "NoSuchBucket", "error code of a missing bucket")
    expect(aws_error(S.endpoint, "s3api", "delete-bucket", "--bucket", B["name"]), "BucketNotEmpty",
           "error code of deleting a non-empty bucket")


def multipart_copy():
    data = random.Random(20261128).randbytes(20 * MIB)
    src = write("big.bin", data)
    s3("cp", src, f"s3://{B['name']}/big/big.bin")
    head = s3api("head-object", "--bucket", B["name"], "--key", "big/big.bin")
    parts = [data[i:i + PART] for i in range(0, len(data), PART)]
    etag = hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest() + f"-{len(parts)}"
    expect((head["ContentLength"], head["ETag"]), (len(data), f'"{etag}"'), "size and multipart ETag")
    s3("cp", f"s3://{B['name']}/big/big.bin", path("big.out"))
    expect(hashlib.sha256(read(path("big.out"))).hexdigest(), hashlib.sha256(data).hexdigest(),
           "SHA-256 of the downloaded copy")
    uploads = s3api("list-multipart-uploads", "--bucket", B["name"]).get("Uploads", [])
    expect(uploads, [], "multipart uploads left open")


def sync():
    tree = {"site/index.html": b"<h1>hi</h1>", "site/css/a.css": b"body{}", "site/js/app.js": b"1;",
            "site/empty.txt": b""}
    for name, data in tree.items():
        write(name, data)
    s3("sync", path("site"), f"s3://{B['name']}/site")
    listed = s3api("list-objects-v2", "--bucket", B["name"], "--prefix", "site/")
    expect(sorted(o["Key"] for o in listed["Contents"]), sorted(tree), "keys after sync")
    expect(s3("sync", path("site"), f"s3://{B['name']}/site").strip(), "", "second sync (nothing to upload)")
    s3("sync", f"s3://{B['name']}/site", path("down"))
    for name, data in tree.items():
        expect(read(path("down", name[len("site/"):])), data, f"bytes of {name} synced back")


def awkward_keys():
    # Keys travel percent-encoded in the path and, for `aws s3`, url-encoded in listings (EncodingType=url).
    key = "odd/a b+c%d ü&=?#.txt"
    s3api("put-object", "--bucket", B["name"], "--key", key, "--body", write("odd", b"odd"))
    listed = s3api("list-objects-v2", "--bucket", B["name"], "--prefix", "odd/")
    expect([o["Key"] for o in listed["Contents"]], [key], "key listed by s3api")
    expect_true("a b+c%d ü&=?#.txt" in s3("ls", f"s3://{B['name']}/odd/"), "key missing from `aws s3 ls`")
    s3("cp", f"s3://{B['name']}/{key}", path("odd.out"))
    expect(read(path("odd.out")), b"odd", "bytes of the key copied back")


def presigned_url():
    url = s3("presign", f"s3://{B['name']}/docs/hello.txt", "--expires-in", "300").strip()
    expect_true("X-Amz-Signature=" in url, f"not a SigV4 presigned URL: {url}")
    proc = subprocess.run(["curl", "-s", "-S", "--max-time", "20", "-w", "\n%{http_code}", url],
                          capture_output=True, timeout=30)
    body, _, status = proc.stdout.rpartition(b"\n")
    expect((status.decode(), body), ("200", HELLO), "status and body fetched with curl")


def remove_bucket():
    s3("rb", f"s3://{B['name']}", "--force")
    expect(aws_error(S.endpoint, "s3api", "head-bucket", "--bucket", B["name"]), "404", "HeadBucket after rb")


def run():
    try:
        for check in (create_bucket, put_head_get_object, list_objects_v2, copy_and_delete_objects,
                      stored_headers_and_copy_directives, errors,
                      multipart_copy, sync, awkward_keys, presigned_url, remove_bucket):
            S.check(check.__name__, check)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
