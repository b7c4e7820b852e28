import javax.xml.parsers.DocumentBuilderFactory

// A failing test already fails the build; this also fails it when a build ran no test at all.
def log = new File(basedir, 'build.log').text
def runs = (log =~ /(?m)Tests run: (\d+), Failures: 0, Errors: 0, Skipped: \d+\s*$/).collect { it[1].toInteger() }
assert runs.size() == 2 && runs.every { it > 0 } :
        "expected both builds (project SDK, newest SDK) to run tests, test counts found: ${runs}"

// The BOM must bring SimStack's versions only: its own dependencyManagement and no parent to inherit one from.
def pom = new File(localRepositoryPath, "dev/simstack/simstack-bom/${simstackVersion}/simstack-bom-${simstackVersion}.pom")
def bom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom).documentElement
assert bom.getElementsByTagName('parent').length == 0 :
        'simstack-bom must have no parent: an imported BOM hands on its parent\'s dependencyManagement'
def groups = bom.getElementsByTagName('dependency').collect { it.getElementsByTagName('groupId').item(0).textContent }
assert !groups.isEmpty() && groups.every { it == 'dev.simstack' } :
        "simstack-bom must manage SimStack artifacts only, found groups: ${groups}"
return true
