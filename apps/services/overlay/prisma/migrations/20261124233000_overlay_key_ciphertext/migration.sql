-- The overlay key, encrypted at rest (AES-256-GCM envelope `v1.<keyId>.<iv>.<tag>.<ciphertext>`),
-- so its owner can copy the OBS URL again. Existing overlays keep only the hash until their next
-- regeneration, and lookups stay on "keyHash".
ALTER TABLE "overlays" ADD COLUMN "keyCiphertext" TEXT;
