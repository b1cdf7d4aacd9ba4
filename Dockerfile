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
# Spring Boot's class-data-sharing training: a start that exits at context refresh leaves the classes it
# loaded in an archive that every later start maps instead of loading. No database in the build, so the
# training switches database work off; the refresh still stops at the first bean that must reach PostgreSQL
# (Spring Batch's job repository, Quartz's job store), and lazy initialization lets it load more before that.
# The archive is written at exit either way; the build fails only if there is none.
RUN java -XX:ArchiveClassesAtExit=/app/goal-compliance.jsa -Dspring.context.exit=onRefresh \
      -jar /app/goal-compliance.jar serve --spring.main.lazy-initialization=true --spring.flyway.enabled=false \
      --goal-compliance.create-database=false --spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none \
      >/dev/null 2>&1; \
    test -s /app/goal-compliance.jsa
USER 10001:10001
# serve's public port (the read API) and its management port (/actuator/health liveness and readiness,
# /actuator/prometheus), which should stay inside the cluster.
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/goal-compliance.jsa", "-jar", "/app/goal-compliance.jar"]
CMD ["serve"]
