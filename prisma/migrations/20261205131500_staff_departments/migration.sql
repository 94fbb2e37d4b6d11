-- Departments are scopes: a staff member belongs to one or more departments.

-- CreateTable
CREATE TABLE "staff_department" (
    "staff_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,

    CONSTRAINT "staff_department_pkey" PRIMARY KEY ("staff_id","department_id")
);

-- CreateIndex
CREATE INDEX "staff_department_department_id_idx" ON "staff_department"("department_id");

-- AddForeignKey
ALTER TABLE "staff_department" ADD CONSTRAINT "staff_department_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_department" ADD CONSTRAINT "staff_department_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Everyone keeps the department they had.
INSERT INTO "staff_department" ("staff_id", "department_id") SELECT "id", "department_id" FROM "staff";
