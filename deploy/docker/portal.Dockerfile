# One image for any of the four Next.js portals:
#   docker build -f deploy/docker/portal.Dockerfile --build-arg PACKAGE_DIR=apps/brand .
# Built with turbo (the portal and the workspace packages it uses), served by `next start` on $PORT.
FROM node:20-bookworm-slim
ARG PACKAGE_DIR
ENV CI=1 NEXT_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@10.34.9
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile \
    && pnpm turbo run build --filter "./${PACKAGE_DIR}" \
    && chown -R node "/repo/${PACKAGE_DIR}/.next"
ENV NODE_ENV=production
WORKDIR /repo/${PACKAGE_DIR}
USER node
CMD ["pnpm", "start"]
