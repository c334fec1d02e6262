# One image for any Node service of the monorepo (and the devstack's migrate and stand-ins), run
# from source through tsx:
#   docker build -f deploy/docker/service.Dockerfile --build-arg PACKAGE_DIR=apps/services/identity .
# Migrations are not run here: Compose's `migrate` and Kubernetes' migration Jobs apply them first.
FROM node:20-bookworm-slim
ARG PACKAGE_DIR
ENV CI=1
# ffmpeg: the asset service probes uploaded videos with ffprobe.
RUN npm install -g pnpm@10.34.9 \
    && apt-get update && apt-get install -y --no-install-recommends openssl ca-certificates ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /repo
COPY . .
# Before NODE_ENV=production: pnpm would leave devDependencies (prisma, types) out otherwise.
RUN pnpm install --frozen-lockfile
# The local UploadThing's files (a volume in Compose), writable by the unprivileged user.
RUN mkdir -p /data/uploadthing && chown node /data/uploadthing
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /repo/${PACKAGE_DIR}
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
