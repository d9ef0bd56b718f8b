-- Where an analysis took its scale from (issue 16): 'given' (pxPerMm in the request or on the photo),
-- 'sticker' (the calibration sticker found in the picture), or empty (no scale: uncalibrated; and the
-- analyses made before this column, whose rows stay as they were: the table is append-only).
alter table photo_analysis add column scale_source text
    constraint photo_analysis_scale_source check (scale_source in ('given', 'sticker'));
