-- One database per service (keep in step with the table in packages/devstack/src/services.ts).
-- Runs once, when the postgres container initialises its data volume.
CREATE DATABASE gt_identity;
CREATE DATABASE gt_brand;
CREATE DATABASE gt_streamer;
CREATE DATABASE gt_campaign;
CREATE DATABASE gt_participation;
CREATE DATABASE gt_analytics;
CREATE DATABASE gt_payment;
CREATE DATABASE gt_asset;
CREATE DATABASE gt_notification;
CREATE DATABASE gt_overlay;
CREATE DATABASE gt_admin;
