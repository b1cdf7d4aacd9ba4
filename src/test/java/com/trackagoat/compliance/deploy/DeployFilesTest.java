package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.trackagoat.compliance.cli.Invocation;

/**
 * The Dockerfile and deploy/ cannot be run here (no Docker engine), so this reads them and checks that every
 * setting they pass exists in the application, and that ports, probes and commands match it.
 */
class DeployFilesTest {

    private static final KnownSettings SETTINGS = new KnownSettings();
    private static final Properties APPLICATION = applicationProperties();
    private static final int HTTP_PORT = Integer.parseInt(APPLICATION.getProperty("server.port"));

    @Test
    void everyKeyOfApplicationPropertiesIsAKnownSetting() {
        assertThat(SETTINGS.size()).isGreaterThan(1000);
        assertThat(APPLICATION.stringPropertyNames()).allSatisfy(name ->
                assertThat(SETTINGS.hasProperty(name)).as(name + " is a known setting").isTrue());
    }

    @Test
    void dockerfileBuildsInTwoStagesAndRunsServeAsNonRootOnTheHttpPort() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile).contains("extract --layers").contains("EXPOSE " + HTTP_PORT)
                .contains("USER 10001").contains("CMD [\"serve\"]");
        assertThat(Invocation.parse("serve").command().word()).isEqualTo("serve");
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
        assertThat(job.get("ports")).isEqualTo(List.of(String.valueOf(HTTP_PORT)));
    }

    @Test
    void kubernetesSettingsInSecretAndConfigMapAreAllKnown() throws IOException {
        assertKnownVariables(path(yaml("deploy/k8s/secret.yaml").get(0), "stringData"));
        assertKnownVariables(path(yaml("deploy/k8s/configmap.yaml").get(0), "data"));
    }

    @Test
    void kubernetesDeploymentProbesTheActuatorHealthGroupsOnTheHttpPort() throws IOException {
        Map<String, Object> deployment = yaml("deploy/k8s/deployment.yaml").get(0);
        assertThat(path(deployment, "spec")).containsEntry("replicas", 2);
        Map<String, Object> container = first(path(deployment, "spec", "template", "spec"), "containers");
        assertThat(container.get("args")).isEqualTo(List.of("serve"));
        assertThat(first(container, "ports")).containsEntry("containerPort", HTTP_PORT).containsEntry("name", "http");
        assertThat(APPLICATION.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(path(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "http");
        assertThat(path(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "http");
        assertThat(path(container, "resources", "limits")).containsKeys("cpu", "memory");
        assertThat(path(deployment, "spec", "template", "spec", "securityContext")).containsEntry("runAsNonRoot", true);
    }

    @Test
    void serviceExposesThePrometheusEndpointThatTheApplicationServes() throws IOException {
        Map<String, Object> service = yaml("deploy/k8s/service.yaml").get(0);
        assertThat(path(service, "metadata", "annotations")).containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(HTTP_PORT));
        assertThat(APPLICATION.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
        assertThat(first(path(service, "spec"), "ports")).containsEntry("port", HTTP_PORT);
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
