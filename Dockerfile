# Race to Place: the application image for the "postgres" profile.
#
#   docker build -t race-to-place .
#   docker compose up            (see docker-compose.yml and README.md)
#
# The models in processes/ and forms/ are copied into the image so that it runs on its own;
# docker-compose.yml mounts the checkout's folders over them, so a program manager's change
# needs a restart, not a rebuild.

# --- build ---------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Maven and the dependencies first: this layer stays cached while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -DskipTests package \
 && cp target/race-to-place-*.jar /build/app.jar

# --- runtime -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# An unprivileged user that owns nothing but /app/data (used only if someone runs the image
# with the H2 demo profile).
RUN groupadd --system hiring \
 && useradd --system --gid hiring --home-dir /app --no-create-home --shell /usr/sbin/nologin hiring \
 && mkdir -p /app/data \
 && chown hiring:hiring /app/data

WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
COPY processes /app/processes
COPY forms /app/forms

ENV SPRING_PROFILES_ACTIVE=postgres \
    HIRING_PROCESSES_DIR=/app/processes \
    HIRING_FORMS_DIR=/app/forms \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

USER hiring
EXPOSE 8080

# The JRE image has no curl or wget we can rely on; bash can speak HTTP over /dev/tcp.
# Readiness is UP once the models are deployed, the identity is set up and the database and
# job executor answer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
