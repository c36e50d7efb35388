#!/usr/bin/env python3
"""Checks that the crystallize engine links against the oldest JUnit Platform it supports.

Every class, method and field of org.junit.* that the engine's classes name must exist in the
floor platform's jars, except in the adapter classes that name newer API on purpose and are
loaded only where the platform has it.

usage: api_floor.py ENGINE_JAR FLOOR_CLASSPATH ADAPTER_CLASS...
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile

engine_jar, floor_classpath, adapters = sys.argv[1], sys.argv[2], set(sys.argv[3:])

REF = re.compile(r'= (?:Methodref|InterfaceMethodref|Fieldref)\s+#\S+\s+// (org/junit/[\w/$]+)\.("?[\w<>$]+"?):(\S+)')
CLASS = re.compile(r'= Class\s+#\S+\s+// (org/junit/[\w/$]+)')

references = {}
with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(engine_jar) as jar:
    names = [n for n in jar.namelist() if n.startswith("io/crystallize/junit/") and n.endswith(".class")]
    jar.extractall(tmp, names)
    ours = [n for n in names if n[len("io/crystallize/junit/"):-len(".class")] not in adapters]
    out = subprocess.run(["javap", "-v"] + [os.path.join(tmp, n) for n in ours], capture_output=True, text=True,
                         check=True).stdout
    for block in out.split("Classfile ")[1:]:
        simple = re.search(r'io/crystallize/junit/([\w$]+)\.class', block.splitlines()[0]).group(1)
        for m in REF.finditer(block):
            references.setdefault((m.group(1), m.group(2).strip('"')), set()).add(simple)
        for m in CLASS.finditer(block):
            references.setdefault((m.group(1), None), set()).add(simple)


def listings(owners):
    """javap's listing of each class in the floor jars, one javap run for all (absent: not a key)."""
    result = subprocess.run(["javap", "-p", "-cp", floor_classpath] + [o.replace("/", ".") for o in owners],
                            capture_output=True, text=True)
    found = {}
    for block in result.stdout.split("Compiled from")[1:]:
        header = block.splitlines()[1]
        name = re.search(r'(?:class|interface|enum|record) ([\w.$]+)', header).group(1)
        found[name.replace(".", "/")] = block
    return found


members = {}
pending = {owner for owner, _ in references}
while pending:
    found = listings(sorted(pending))
    members.update(found)
    pending = set()
    for owner, block in found.items():
        header = block.splitlines()[1].split("{")[0]
        for parent in re.findall(r'(org\.junit\.[\w.$]+)', header)[1:]:
            parent = parent.replace(".", "/")
            if parent not in members:
                pending.add(parent)
    members.update({p: None for p in pending if p not in found and p in members})


def declared(owner, seen=()):
    """The members of the class and of its supertypes in the floor jars (None when absent)."""
    block = members.get(owner)
    if block is None or owner in seen:
        return block
    header = block.splitlines()[1].split("{")[0]
    text = block
    for parent in re.findall(r'(org\.junit\.[\w.$]+)', header)[1:]:
        text += declared(parent.replace(".", "/"), seen + (owner,)) or ""
    return text


missing = []
for (owner, member), users in sorted(references.items(), key=str):
    listing = declared(owner)
    if listing is None:
        missing.append(f"{owner.replace('/', '.')} (used by {', '.join(sorted(users))})")
    elif member and member != "<init>" and not re.search(r'[ .]' + re.escape(member) + r'[(;]', listing):
        missing.append(f"{owner.replace('/', '.')}.{member} (used by {', '.join(sorted(users))})")

if missing:
    print("the engine names JUnit API that the floor platform lacks; move it behind an adapter:")
    print("\n".join("  " + m for m in sorted(set(missing))))
    sys.exit(1)
print(f"API floor: {len(references)} JUnit references of the engine exist in the floor platform")
