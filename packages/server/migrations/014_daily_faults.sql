-- Issue 11: residents are offered only categories meant for residents. A suspicion of money
-- laundering is not one (it names a business or a person; it reaches the police through
-- professionals), so the default category leaves the public form in every municipality.
UPDATE signal_categories SET public_report = false WHERE key = 'ondermijning_witwassen';
