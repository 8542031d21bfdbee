# Bakes the hello example into the runtime image, for Kubernetes, Knative or Cloud Run:
#   podman build -f container/examples/hello.Dockerfile -t fnkit-hello \
#     --build-arg RUNTIME_IMAGE=fnkit-runtime examples/hello/target
ARG RUNTIME_IMAGE=fnkit-runtime
FROM ${RUNTIME_IMAGE}
COPY hello.jar /mnt/code/hello.jar
