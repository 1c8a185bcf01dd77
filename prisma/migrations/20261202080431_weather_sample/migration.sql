-- AlterTable
ALTER TABLE "WeatherForecast" ADD COLUMN     "sample" BOOLEAN NOT NULL DEFAULT false;
