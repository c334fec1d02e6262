import { servicePrismaConfig } from '@gametriggers/db/prisma-config';
import { defineConfig } from 'prisma/config';

export default defineConfig(servicePrismaConfig());
