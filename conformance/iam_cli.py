#!/usr/bin/python3
"""STS and IAM through Debian's AWS CLI v2 (/usr/bin/aws), as a Terraform Lambda deployment calls them:
who am I, a role with a trust policy, an AWS managed policy attached, read back, detached and deleted."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

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


def run():
    for check in (get_caller_identity, create_and_get_role, attach_list_detach_delete, malformed_trust_policy,
                  assume_role):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
