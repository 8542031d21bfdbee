// Refuses values that would make a broken project, and removes what was generated for them.
// (The descriptor's validationRegex only applies in interactive mode.)
def properties = request.properties
def checks = [
    package   : [/^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/,
                 'a Java package name such as com.example.hello'],
    artifactId: [/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
                 'lower-case letters, digits and single dashes, such as hello-function'],
    groupId   : [/^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/,
                 'a reverse domain name such as com.example'],
]
def javaKeywords = ['abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char',
    'class', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'final',
    'finally', 'float', 'for', 'goto', 'if', 'implements', 'import', 'instanceof', 'int',
    'interface', 'long', 'native', 'new', 'package', 'private', 'protected', 'public', 'return',
    'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws',
    'transient', 'try', 'void', 'volatile', 'while', 'true', 'false', 'null'] as Set

def problems = []
checks.each { key, check ->
    def value = properties.getProperty(key)
    if (value == null || !(value ==~ check[0])) {
        problems << "${key}=${value} is not valid: expected ${check[1]}"
    }
}
def pkg = properties.getProperty('package')
if (pkg != null && pkg.split('\\.').any { javaKeywords.contains(it) }) {
    problems << "package=${pkg} is not valid: a part of it is a Java keyword"
}
if (!problems.isEmpty()) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException('fnkit: ' + problems.join('; '))
}

// Packaging drops dot-files from the archetype jar, so the template ships it without the dot.
def project = new File(request.outputDirectory, request.artifactId)
new File(project, 'gitignore').renameTo(new File(project, '.gitignore'))
