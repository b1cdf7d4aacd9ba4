package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.trackagoat.compliance.cli.Invocation;

/**
 * The Dockerfile and deploy/ cannot be run here (no Docker engine, no cluster), so this reads them and checks
 * that every setting they pass exists in the application, that ports, probes and commands match it (the
 * actuator on the management port only), and the pod's hardening.
 */
class DeployFilesTest {

    private static final KnownSettings SETTINGS = new KnownSettings();
    private static final Properties APPLICATION = applicationProperties();
    private static final int HTTP_PORT = Integer.parseInt(APPLICATION.getProperty("server.port"));
    private static final int MANAGEMENT_PORT = Integer.parseInt(APPLICATION.getProperty("management.server.port"));

    @Test
    void everyKeyOfApplicationPropertiesIsAKnownSetting() {
        assertThat(SETTINGS.size()).isGreaterThan(1000);
        assertThat(APPLICATION.stringPropertyNames()).allSatisfy(name ->
                assertThat(SETTINGS.hasProperty(name)).as(name + " is a known setting").isTrue());
    }

    @Test
    void actuatorIsOnItsOwnPortWithHealthDetailsOnlyWhenAuthorized() {
        assertThat(MANAGEMENT_PORT).isEqualTo(8081).isNotEqualTo(HTTP_PORT);
        assertThat(APPLICATION.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
        assertThat(SETTINGS.hasProperty("management.server.port")).isTrue();
    }

    @Test
    void dockerfileBuildsInTwoStagesAndRunsServeAsNonRootOnTheHttpPort() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile).contains("extract --layers").contains("EXPOSE " + HTTP_PORT + " " + MANAGEMENT_PORT)
                .contains("USER 10001").contains("CMD [\"serve\"]");
        assertThat(Invocation.parse("serve").command().word()).isEqualTo("serve");
    }

    @Test
    void dockerignoreKeepsWhatTheDockerfileCopiesAndLeavesTheRestOut() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> copied = Files.readString(Path.of("Dockerfile")).lines()
                .filter(line -> line.startsWith("COPY ") && !line.contains("--from="))
                .flatMap(line -> {
                    String[] words = line.split("\\s+");
                    return Arrays.stream(words, 1, words.length - 1);
                }).toList();
        assertThat(copied).contains("src", "sql", "pom.xml");
        assertThat(copied).allSatisfy(source -> assertThat(DockerIgnore.excludes(patterns, source))
                .as(source + " (copied by the Dockerfile) is in the build context").isFalse());
        assertThat(List.of(".mvn/wrapper/maven-wrapper.properties", "src/main/resources/application.properties",
                "sql/V1__source_tables.sql")).allSatisfy(file -> assertThat(DockerIgnore.excludes(patterns, file))
                .as(file).isFalse());
        assertThat(List.of("target/goal-compliance.jar", "target/classes/application.properties", ".git/HEAD",
                ".idea/workspace.xml", "goal-compliance.iml", "src/main/java/Foo.java.swp", "bench/run.sh",
                "deploy/secret.example.yaml", "deploy/k8s/deployment.yaml", ".env", "README.md"))
                .allSatisfy(file -> assertThat(DockerIgnore.excludes(patterns, file)).as(file + " is left out").isTrue());
    }

    @Test
    void dockerfileTrainsTheClassDataArchiveWithKnownSettingsAndNoDatabase() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=/app/goal-compliance.jsa")
                .contains("-Dspring.context.exit=onRefresh")
                .contains("\"-XX:SharedArchiveFile=/app/goal-compliance.jsa\", \"-jar\", \"/app/goal-compliance.jar\"")
                .doesNotContain("apt-get").doesNotContain("initdb").doesNotContain("pg_ctl");
        List<String> settings = Pattern.compile("--([a-z][a-z0-9-]*\\.[a-z0-9.-]+)=").matcher(dockerfile).results()
                .map(match -> match.group(1)).toList();
        assertThat(settings).contains("spring.flyway.enabled", "goal-compliance.create-database")
                .allSatisfy(name -> assertThat(SETTINGS.hasProperty(name)).as(name + " is a known setting").isTrue());
    }

    @Test
    void composeRunsTwoServeReplicasWithKnownSettingsOnTheHttpPort() throws IOException {
        Map<String, Object> job = path(yaml("deploy/docker-compose.yml").get(0), "services", "goal-compliance");
        assertThat(path(job, "deploy")).containsEntry("replicas", 2);
        assertThat(job.get("command")).isEqualTo(List.of("serve"));
        assertKnownVariables(path(job, "environment"));
        assertThat(job.get("ports")).isEqualTo(List.of(String.valueOf(HTTP_PORT), "127.0.0.1::" + MANAGEMENT_PORT));
    }

    @Test
    void kubernetesSettingsInTheExampleSecretAndConfigMapAreAllKnown() throws IOException {
        assertKnownVariables(path(yaml("deploy/secret.example.yaml").get(0), "stringData"));
        assertKnownVariables(path(yaml("deploy/k8s/configmap.yaml").get(0), "data"));
    }

    @Test
    void kubectlApplyOfTheK8sDirectoryCreatesNoSecretButTheDeploymentNeedsTheExamplesOne() throws IOException {
        List<Map<String, Object>> applied = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                applied.addAll(yaml(file.toString()));
            }
        }
        assertThat(applied).extracting(document -> document.get("kind"))
                .contains("Deployment", "Service", "ConfigMap", "NetworkPolicy").doesNotContain("Secret");
        Map<String, Object> example = yaml("deploy/secret.example.yaml").get(0);
        assertThat(example.get("kind")).isEqualTo("Secret");
        Map<String, Object> container = first(path(yaml("deploy/k8s/deployment.yaml").get(0),
                "spec", "template", "spec"), "containers");
        assertThat(((List<?>) container.get("envFrom")).stream().map(DeployFilesTest::cast)
                .filter(source -> source.containsKey("secretRef")).map(source -> path(source, "secretRef").get("name")))
                .containsExactly(path(example, "metadata").get("name"));
    }

    @Test
    void kubernetesDeploymentProbesTheActuatorHealthGroupsOnTheManagementPort() throws IOException {
        Map<String, Object> deployment = yaml("deploy/k8s/deployment.yaml").get(0);
        assertThat(path(deployment, "spec")).containsEntry("replicas", 2);
        Map<String, Object> container = first(path(deployment, "spec", "template", "spec"), "containers");
        assertThat(container.get("args")).isEqualTo(List.of("serve"));
        assertThat(containerPorts(container)).containsExactlyInAnyOrderEntriesOf(
                Map.of("http", HTTP_PORT, "management", MANAGEMENT_PORT));
        assertThat(APPLICATION.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(path(container, "startupProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "management");
        assertThat(path(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "management");
        assertThat(path(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "management");
        assertThat(path(container, "resources", "limits")).containsKeys("cpu", "memory");
    }

    @Test
    void kubernetesPodRunsNonRootUnderTheRuntimeSeccompProfileWithoutAServiceAccountToken() throws IOException {
        Map<String, Object> pod = path(yaml("deploy/k8s/deployment.yaml").get(0), "spec", "template", "spec");
        assertThat(pod).containsEntry("automountServiceAccountToken", false);
        assertThat(path(pod, "securityContext")).containsEntry("runAsNonRoot", true);
        assertThat(path(pod, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");
        assertThat(path(first(pod, "containers"), "securityContext"))
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true);
    }

    @Test
    void prometheusScrapesEachPodOnTheManagementPortAndTheServiceExposesOnlyTheApi() throws IOException {
        Map<String, Object> template = path(yaml("deploy/k8s/deployment.yaml").get(0), "spec", "template");
        assertThat(path(template, "metadata", "annotations")).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT));
        assertThat(APPLICATION.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
        Map<String, Object> service = yaml("deploy/k8s/service.yaml").get(0);
        assertThat((List<?>) path(service, "spec").get("ports")).hasSize(1);
        assertThat(first(path(service, "spec"), "ports")).containsEntry("port", HTTP_PORT).containsEntry("targetPort", "http");
        assertThat(path(service, "metadata")).doesNotContainKey("annotations");
    }

    @Test
    void networkPolicyOpensTheApiToTheClusterTheActuatorToPrometheusAndEgressToDnsAndPostgresql()
            throws IOException {
        Map<String, Object> policy = yaml("deploy/k8s/networkpolicy.yaml").get(0);
        Map<String, Object> labels = path(yaml("deploy/k8s/deployment.yaml").get(0), "spec", "template", "metadata", "labels");
        assertThat(path(policy, "spec", "podSelector", "matchLabels")).isEqualTo(labels);
        assertThat(path(policy, "spec").get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        List<Map<String, Object>> ingress = list(path(policy, "spec"), "ingress");
        assertThat(ingress).hasSize(2);
        Map<String, Object> api = ruleForPort(ingress, "http");
        assertThat(first(api, "from")).isEqualTo(Map.of("namespaceSelector", Map.of()));
        Map<String, Object> actuator = ruleForPort(ingress, "management");
        assertThat(path(first(actuator, "from"), "namespaceSelector", "matchLabels"))
                .containsEntry("kubernetes.io/metadata.name", "monitoring");
        assertThat(path(first(actuator, "from"), "podSelector", "matchLabels")).isNotEmpty();
        List<Object> egressPorts = list(path(policy, "spec"), "egress").stream()
                .flatMap(rule -> list(rule, "ports").stream()).map(port -> port.get("port") + "/" + port.get("protocol"))
                .map(Object.class::cast).toList();
        assertThat(egressPorts).containsExactlyInAnyOrder("53/UDP", "53/TCP", "5432/TCP");
    }

    private static Map<String, Object> ruleForPort(List<Map<String, Object>> rules, String port) {
        List<Map<String, Object>> matching = rules.stream()
                .filter(rule -> list(rule, "ports").stream().anyMatch(p -> port.equals(p.get("port")))).toList();
        assertThat(matching).as("one rule for port " + port).hasSize(1);
        assertThat(list(matching.get(0), "ports")).as("rule for " + port + " opens only it").hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new java.util.HashMap<>();
        list(container, "ports").forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));
        return ports;
    }

    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        assertThat(node).as("has " + key).containsKey(key);
        return ((List<?>) node.get(key)).stream().map(DeployFilesTest::cast).toList();
    }

    /** Docker's .dockerignore rules, as far as this project's file uses them: the last matching pattern wins. */
    private static final class DockerIgnore {

        static boolean excludes(List<String> patterns, String file) {
            boolean excluded = false;
            for (String pattern : patterns) {
                boolean negated = pattern.startsWith("!");
                String glob = negated ? pattern.substring(1) : pattern;
                if (matchesItOrAParent(glob, file)) {
                    excluded = !negated;
                }
            }
            return excluded;
        }

        private static boolean matchesItOrAParent(String glob, String file) {
            Path path = Path.of(file);
            List<String> globs = glob.startsWith("**/") ? List.of(glob, glob.substring(3)) : List.of(glob);
            for (int names = 1; names <= path.getNameCount(); names++) {
                Path prefix = path.subpath(0, names);
                if (globs.stream().anyMatch(g -> FileSystems.getDefault().getPathMatcher("glob:" + g).matches(prefix))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void assertKnownVariables(Map<String, Object> variables) {
        assertThat(variables).isNotEmpty();
        assertThat(variables.keySet()).allSatisfy(variable -> assertThat(SETTINGS.hasEnvironmentVariable(variable))
                .as(variable + " binds to a known setting").isTrue());
    }

    private static List<Map<String, Object>> yaml(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            for (Object document : new Yaml().loadAll(in)) {
                documents.add(cast(document));
            }
        }
        return documents;
    }

    private static Map<String, Object> path(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            assertThat(current).as("has " + key).containsKey(key);
            current = cast(current.get(key));
        }
        return current;
    }

    private static Map<String, Object> first(Map<String, Object> node, String listKey) {
        List<?> list = (List<?>) node.get(listKey);
        assertThat(list).as(listKey).isNotEmpty();
        return cast(list.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = DeployFilesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
