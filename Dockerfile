# syntax=docker/dockerfile:1
# goal-compliance: build with Maven, run the layered jar on a JRE as a non-root user.
#   docker build -t goal-compliance .
#   docker run --rm -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/goal_compliance goal-compliance serve

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY sql sql
COPY src src
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/goal-compliance.jar extract --layers --destination target/layers

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 goal-compliance \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin goal-compliance
WORKDIR /app
# Least to most often changed, so that a code change rebuilds only the last layer.
COPY --from=build /build/target/layers/dependencies/ ./
COPY --from=build /build/target/layers/spring-boot-loader/ ./
COPY --from=build /build/target/layers/snapshot-dependencies/ ./
COPY --from=build /build/target/layers/application/ ./
# A class-data-sharing archive made by this image's own JVM: each start maps these classes instead of loading
# them. Trained on the demo's jobs against a throwaway PostgreSQL that this step installs, starts, stops and
# removes again, so that the layer keeps only the archive; where that PostgreSQL cannot be had, trained
# without a database (fewer classes). Optional: without an archive the JVM starts as usual (a missing one is
# ignored), so it cannot fail the build.
COPY deploy/class-data-archive.sh /usr/local/bin/
RUN export DEBIAN_FRONTEND=noninteractive; \
    if apt-get update >/dev/null && apt-get install -y --no-install-recommends postgresql >/dev/null \
      && pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1) \
      && su postgres -s /bin/sh -c "$pgbin/initdb -D /tmp/training-db -A trust -U postgres >/dev/null \
           && $pgbin/pg_ctl -D /tmp/training-db -l /tmp/training-db/log -w start \
                -o '-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=/tmp/training-db'"; \
    then class-data-archive.sh /app jdbc:postgresql://127.0.0.1:5432/training || class-data-archive.sh /app; \
    else class-data-archive.sh /app; \
    fi || echo "no class-data-sharing archive: starts will take longer"; \
    [ -z "${pgbin:-}" ] || su postgres -s /bin/sh -c "$pgbin/pg_ctl -D /tmp/training-db -w stop" || true; \
    apt-get purge -y --auto-remove postgresql postgresql-common >/dev/null || true; \
    rm -rf /var/lib/apt/lists/* /tmp/training-db /var/lib/postgresql /etc/postgresql /var/log/postgresql
USER 10001:10001
# serve's public port (the read API) and its management port (/actuator/health liveness and readiness,
# /actuator/prometheus), which should stay inside the cluster.
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/goal-compliance.jsa", "-jar", "/app/goal-compliance.jar"]
CMD ["serve"]
