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
# A class-data-sharing archive made by this image's own JVM: each start maps these classes (~0.7 s less).
# Optional: without it the JVM starts as usual (a missing archive is ignored), so it cannot fail the build.
COPY deploy/class-data-archive.sh /usr/local/bin/
RUN class-data-archive.sh /app || echo "no class-data-sharing archive: starts will take ~0.7 s longer"
USER 10001:10001
# serve's HTTP port: /actuator/health (liveness, readiness) and /actuator/prometheus.
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/goal-compliance.jsa", "-jar", "/app/goal-compliance.jar"]
CMD ["serve"]
