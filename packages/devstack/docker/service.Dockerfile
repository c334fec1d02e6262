# One image for any Node service of the monorepo, run from source through tsx.
#   docker build -f packages/devstack/docker/service.Dockerfile --build-arg PACKAGE_DIR=apps/services/identity .
# The container applies the package's migrations (when it has a db:migrate script), then runs src/main.ts.
FROM node:20-bookworm-slim
ARG PACKAGE_DIR
ENV CI=1
RUN npm install -g pnpm@10.34.9 \
    && apt-get update && apt-get install -y --no-install-recommends openssl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /repo
COPY . .
# Before NODE_ENV=production: pnpm would leave devDependencies (prisma, types) out otherwise.
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /repo/${PACKAGE_DIR}
CMD ["sh", "-c", "pnpm run --if-present db:migrate && exec node --import tsx src/main.ts"]
