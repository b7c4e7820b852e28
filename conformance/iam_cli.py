#!/usr/bin/python3
"""STS and IAM through Debian's AWS CLI v2 (/usr/bin/aws), as a Terraform Lambda deployment calls them:
who am I, a role with a trust policy, an AWS managed policy attached, read back, detached and deleted; an
instance profile around a role; a user with an access key that `sts get-caller-identity` answers for; a group;
managed policy versions."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import AWS_CLI, Suite, aws, aws_error, client_env, expect, expect_true, main_guard  # noqa: E402

S = Suite("iam_cli")
R = {}
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                 "Action": "sts:AssumeRole"}]}
BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"


def iam(*args):
    return aws(S.endpoint, "iam", *args)


def sts(*args):
    return aws(S.endpoint, "sts", *args)


def get_caller_identity():
    caller = sts("get-caller-identity")
    expect_true(len(caller["Account"]) == 12 and caller["Account"].isdigit(), f"Account {caller}")
    expect(caller["Arn"], f"arn:aws:iam::{caller['Account']}:root", "Arn")
    R["account"] = caller["Account"]


def create_and_get_role():
    name = S.unique("role")
    created = iam("create-role", "--role-name", name, "--path", "/service-role/",
                  "--assume-role-policy-document", json.dumps(TRUST))["Role"]
    expect(created["Arn"], f"arn:aws:iam::{R['account']}:role/service-role/{name}", "Arn")
    expect_true(created["RoleId"].startswith("AROA"), f"RoleId {created['RoleId']}")
    got = iam("get-role", "--role-name", name)["Role"]
    expect(got["RoleId"], created["RoleId"], "RoleId of GetRole")
    # The CLI decodes IAM's URL-encoded documents into JSON.
    expect(got["AssumeRolePolicyDocument"], TRUST, "AssumeRolePolicyDocument")
    expect(aws_error(S.endpoint, "iam", "create-role", "--role-name", name, "--assume-role-policy-document",
                     json.dumps(TRUST)), "EntityAlreadyExists", "error of a second CreateRole")
    R["role"] = name


def attach_list_detach_delete():
    name = R["role"]
    iam("attach-role-policy", "--role-name", name, "--policy-arn", BASIC)
    attached = iam("list-attached-role-policies", "--role-name", name)["AttachedPolicies"]
    expect(attached, [{"PolicyName": "AWSLambdaBasicExecutionRole", "PolicyArn": BASIC}], "AttachedPolicies")
    expect(iam("list-instance-profiles-for-role", "--role-name", name)["InstanceProfiles"], [], "InstanceProfiles")
    expect(aws_error(S.endpoint, "iam", "delete-role", "--role-name", name), "DeleteConflict", "error of DeleteRole")
    iam("detach-role-policy", "--role-name", name, "--policy-arn", BASIC)
    iam("delete-role", "--role-name", name)
    expect(aws_error(S.endpoint, "iam", "get-role", "--role-name", name), "NoSuchEntity", "error of GetRole")


def malformed_trust_policy():
    expect(aws_error(S.endpoint, "iam", "create-role", "--role-name", S.unique("bad"),
                     "--assume-role-policy-document", "{not json"), "MalformedPolicyDocument", "error code")


def assume_role():
    arn = f"arn:aws:iam::{R['account']}:role/deployer"
    assumed = sts("assume-role", "--role-arn", arn, "--role-session-name", "ci")
    expect_true(assumed["Credentials"]["AccessKeyId"].startswith("ASIA"), f"Credentials {assumed['Credentials']}")
    expect(assumed["AssumedRoleUser"]["Arn"], f"arn:aws:sts::{R['account']}:assumed-role/deployer/ci", "Arn")
    # The CLI checks lengths and ranges itself; the name's pattern is the server's to check.
    expect(aws_error(S.endpoint, "sts", "assume-role", "--role-arn", arn, "--role-session-name", "has space"),
           "ValidationError", "error of a session name with a space")


def instance_profile_round_trip():
    role, profile = S.unique("ip-role"), S.unique("profile")
    iam("create-role", "--role-name", role, "--assume-role-policy-document", json.dumps(TRUST))
    created = iam("create-instance-profile", "--instance-profile-name", profile)["InstanceProfile"]
    expect(created["Arn"], f"arn:aws:iam::{R['account']}:instance-profile/{profile}", "Arn")
    expect_true(created["InstanceProfileId"].startswith("AIPA"), f"InstanceProfileId {created}")
    iam("add-role-to-instance-profile", "--instance-profile-name", profile, "--role-name", role)
    got = iam("get-instance-profile", "--instance-profile-name", profile)["InstanceProfile"]
    expect([r["RoleName"] for r in got["Roles"]], [role], "Roles")
    listed = iam("list-instance-profiles-for-role", "--role-name", role)["InstanceProfiles"]
    expect([p["InstanceProfileName"] for p in listed], [profile], "InstanceProfiles of the role")
    expect(aws_error(S.endpoint, "iam", "add-role-to-instance-profile", "--instance-profile-name", profile,
                     "--role-name", role), "LimitExceeded", "error of a second role")
    expect(aws_error(S.endpoint, "iam", "delete-role", "--role-name", role), "DeleteConflict",
           "error of DeleteRole while in a profile")
    iam("remove-role-from-instance-profile", "--instance-profile-name", profile, "--role-name", role)
    iam("delete-instance-profile", "--instance-profile-name", profile)
    iam("delete-role", "--role-name", role)
    expect(aws_error(S.endpoint, "iam", "get-instance-profile", "--instance-profile-name", profile),
           "NoSuchEntity", "error of GetInstanceProfile")


def sts_as(key):
    """`sts get-caller-identity` with a user's key in the environment, as a CI job would sign it."""
    env = client_env()
    env.update({"AWS_ACCESS_KEY_ID": key["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"]})
    proc = subprocess.run([AWS_CLI, "--endpoint-url", S.endpoint, "--output", "json", "sts", "get-caller-identity"],
                          env=env, capture_output=True, text=True, timeout=60)
    expect_true(proc.returncode == 0, f"get-caller-identity: {proc.stderr.strip()[:300]}")
    return json.loads(proc.stdout)


def user_and_access_key():
    name = S.unique("user")
    user = iam("create-user", "--user-name", name, "--path", "/ci/")["User"]
    expect(user["Arn"], f"arn:aws:iam::{R['account']}:user/ci/{name}", "Arn")
    key = iam("create-access-key", "--user-name", name)["AccessKey"]
    expect_true(key["AccessKeyId"].startswith("AKIA") and len(key["AccessKeyId"]) == 20, f"AccessKeyId {key}")
    expect(len(key["SecretAccessKey"]), 40, "length of SecretAccessKey")
    caller = sts_as(key)
    expect(caller["Arn"], user["Arn"], "Arn of the key's caller")
    expect(caller["UserId"], user["UserId"], "UserId of the key's caller")
    iam("create-access-key", "--user-name", name)
    expect(aws_error(S.endpoint, "iam", "create-access-key", "--user-name", name), "LimitExceeded",
           "error of a third key")
    expect(aws_error(S.endpoint, "iam", "delete-user", "--user-name", name), "DeleteConflict",
           "error of DeleteUser with keys")
    for listed in iam("list-access-keys", "--user-name", name)["AccessKeyMetadata"]:
        iam("delete-access-key", "--user-name", name, "--access-key-id", listed["AccessKeyId"])
    iam("delete-user", "--user-name", name)


def group_with_user():
    group, user = S.unique("group"), S.unique("member")
    iam("create-group", "--group-name", group)
    iam("create-user", "--user-name", user)
    iam("add-user-to-group", "--group-name", group, "--user-name", user)
    expect([u["UserName"] for u in iam("get-group", "--group-name", group)["Users"]], [user], "Users")
    expect(aws_error(S.endpoint, "iam", "delete-group", "--group-name", group), "DeleteConflict",
           "error of DeleteGroup with a user")
    iam("remove-user-from-group", "--group-name", group, "--user-name", user)
    iam("delete-group", "--group-name", group)
    iam("delete-user", "--user-name", user)


def policy_versions():
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",
                                                         "Resource": "*"}]}
    arn = iam("create-policy", "--policy-name", S.unique("policy"),
              "--policy-document", json.dumps(document))["Policy"]["Arn"]
    v2 = iam("create-policy-version", "--policy-arn", arn, "--policy-document", json.dumps(document),
             "--set-as-default")["PolicyVersion"]
    expect(v2["VersionId"], "v2", "VersionId")
    expect([v["VersionId"] for v in iam("list-policy-versions", "--policy-arn", arn)["Versions"]], ["v2", "v1"],
           "Versions")
    expect(aws_error(S.endpoint, "iam", "delete-policy-version", "--policy-arn", arn, "--version-id", "v2"),
           "DeleteConflict", "error of deleting the default version")
    iam("delete-policy-version", "--policy-arn", arn, "--version-id", "v1")
    iam("delete-policy", "--policy-arn", arn)


def run():
    for check in (get_caller_identity, create_and_get_role, attach_list_detach_delete, malformed_trust_policy,
                  assume_role, instance_profile_round_trip, user_and_access_key, group_with_user, policy_versions):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
