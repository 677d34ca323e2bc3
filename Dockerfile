# modelsign as a small container image, e.g. for a Kubernetes init container that verifies a
# model volume before the model server starts (see docs/kubernetes.md, deploy/k8s/).
#
#   docker build -t modelsign:0.1.0 .
#   docker run --rm --read-only -v "$PWD/model:/model:ro" -v "$PWD/keys:/keys:ro" \
#     modelsign:0.1.0 verify /model --key /keys/release.pub
#
# The runtime image holds only node, the compiled JavaScript and production dependencies;
# it runs as an unprivileged user and never writes to its own filesystem, so it works with
# readOnlyRootFilesystem: true.
ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# A compiler for the native hashing addon (mmap + SHA extensions: several times faster on
# large models; docs/performance.md). Only this stage has it; the runtime image does not.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
# --ignore-scripts: "prepare" would build before the sources are here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
COPY native ./native
COPY scripts/build-native.mjs ./scripts/build-native.mjs
# TEST_REQUIRE_NATIVE=1: a failed addon build fails the image build instead of falling back.
RUN npm run build \
 && TEST_REQUIRE_NATIVE=1 node scripts/build-native.mjs \
 && rm -rf native/build/Release/obj.target native/build/Release/.deps \
 && npm prune --omit=dev --ignore-scripts \
 && chmod 0755 dist/cli/main.js

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /opt/modelsign
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/native/build/Release/modelsign_native.node ./native/build/Release/modelsign_native.node
COPY manifests ./manifests
RUN ln -s /opt/modelsign/dist/cli/main.js /usr/local/bin/modelsign
# A numeric non-root user: Kubernetes' runAsNonRoot can check it without /etc/passwd.
USER 65532:65532
ENTRYPOINT ["modelsign"]
CMD ["--help"]
