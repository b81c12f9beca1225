# medsales-api: the Spring Boot API (seed section 3.2, built with Maven instead of Gradle).
# Build: docker build -t medsales-api .        Size target: < 200 MB.
# The jar is built here from the same sources and with the same command as CI (./mvnw package).

# Build stage: JDK, Node for the SPA that the jar carries, Maven through the wrapper
FROM eclipse-temurin:21-jdk-alpine AS build
RUN apk add --no-cache nodejs npm
WORKDIR /app
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY web/pom.xml web/pom.xml
COPY server/pom.xml server/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -pl server -am
COPY web/ web/
COPY server/src/ server/src/
RUN ./mvnw -B -ntp -DskipTests package

# Runtime stage
FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S appgroup && adduser -S appuser -G appgroup
WORKDIR /app
COPY --from=build /app/server/target/medsales.jar app.jar

ENV MEDSALES_ROLES=api \
    MEDSALES_HOME=/tmp/medsales

# Health check
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD wget -qO- http://localhost:8080/health || exit 1

USER appuser
EXPOSE 8080

# exec form: java is PID 1 and gets ECS's SIGTERM, so in-flight requests finish (server.shutdown=graceful)
ENTRYPOINT ["java", \
    "-XX:+UseContainerSupport", \
    "-XX:MaxRAMPercentage=75.0", \
    "-Djava.security.egd=file:/dev/./urandom", \
    "-jar", "app.jar"]
